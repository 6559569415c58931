import type { CollectionConfig, Config, Plugin } from 'payload'

/**
 * A plugin that rewrites the config's collections with `map` (the shape of every plugin here,
 * as `plugin-multi-tenant`: options => config => config).
 */
export const collectionsPlugin =
  (map: (collections: CollectionConfig[]) => CollectionConfig[], extra?: (config: Config) => Config): Plugin =>
  (config) => {
    const next = { ...config, collections: map(config.collections ?? []) }
    return extra ? extra(next) : next
  }
