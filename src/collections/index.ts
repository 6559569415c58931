import type { CollectionConfig } from 'payload'
import { Accounts } from './Accounts'
import { Backups } from './Backups'
import { Companies } from './Companies'
import { Consumption } from './Consumption'
import { Departments } from './Departments'
import { Holidays } from './Holidays'
import { Lines } from './Lines'
import { LoginChallenges } from './LoginChallenges'
import { Notifications } from './Notifications'
import { Offers } from './Offers'
import { OperatorPrefixes, PortedNumbers } from './OperatorData'
import { Outbox } from './Outbox'
import { PasswordRecoveries } from './PasswordRecoveries'
import { Profiles } from './Profiles'
import { Reports } from './Reports'
import { RestoreItems } from './RestoreItems'
import { Restores } from './Restores'
import { SpendAlerts } from './SpendAlerts'
import { SpendCaps } from './SpendCaps'
import { Tariffs } from './Tariffs'
import { Transactions } from './Transactions'
import { Transfers } from './Transfers'
import { Usage } from './Usage'
import { Users } from './Users'
import { WebhookDeliveries } from './WebhookDeliveries'

/**
 * Every collection, in the admin's menu order: one folder each (config in index.ts, beside it
 * model.ts, hooks/, endpoints/, access/). What is added to many collections is a plugin (src/plugins).
 */
export const collections: CollectionConfig[] = [
  Lines,
  Departments,
  Profiles,
  Offers,
  Transfers,
  Holidays,
  Tariffs,
  SpendCaps,
  Accounts,
  Companies,
  Users,
  Transactions,
  Usage,
  Consumption,
  Notifications,
  SpendAlerts,
  WebhookDeliveries,
  Reports,
  Backups,
  Restores,
  RestoreItems,
  OperatorPrefixes,
  PortedNumbers,
  Outbox,
  LoginChallenges,
  PasswordRecoveries,
]
