// `import styles from './x.module.scss'` (Next's own declaration; next-env.d.ts is generated and not committed).
/// <reference types="next" />
