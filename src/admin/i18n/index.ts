/**
 * The admin's labels: the dictionaries, their typed keys and `golT` live in src/domain/i18n
 * (client-safe, also read by the server's messages through lib/i18n's `serverT`); the React side
 * is here (`useGolT`, `rich`).
 */
export * from '../../domain/i18n'
