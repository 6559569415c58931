import { LineOverview as LineOverview_5c34d937e10f7f194e37367f8279eda2 } from '../../../../src/admin/lines/LineOverview'
import { SimulateCall as SimulateCall_6de8093497417cafb1ad97ff2c4519ae } from '../../../../src/admin/engine/SimulateCall'
import { SpendPanel as SpendPanel_bb22f29a457e67f8fe7e3acc6c818262 } from '../../../../src/admin/spend/SpendPanel'
import { LinesFilterBar as LinesFilterBar_9afe4a968c13f93ebb29d1be02169031 } from '../../../../src/admin/lines/LinesFilterBar'
import { ExportButton as ExportButton_8629597163be0adf3efcd875fcc6ec5e } from '../../../../src/admin/export/ExportButton'
import { DepartmentLineCounts as DepartmentLineCounts_8d96543017dfa455106f890451be3979 } from '../../../../src/admin/organization/LineGroups'
import { ProfileLineCounts as ProfileLineCounts_8d96543017dfa455106f890451be3979 } from '../../../../src/admin/organization/LineGroups'
import { ProfileEditView as ProfileEditView_258277f8404dd8d8ebc60f13cafeadb8 } from '../../../../src/admin/profiles/ProfileEditView'
import { TransferAmountField as TransferAmountField_cf8588a664b48fcf79ee56b1e70b36d0 } from '../../../../src/admin/transfers/TransferAmountField'
import { UserTransactionsLink as UserTransactionsLink_9f8a7ee3913af982c15e475d086c7590 } from '../../../../src/admin/users/UserTransactionsLink'
import { UserStatusField as UserStatusField_2e78278d6fb3dd29d08db722ba7be3ce } from '../../../../src/admin/users/UserStatusField'
import { UserEditView as UserEditView_c92099cb8d612dba19c854c74fc6f548 } from '../../../../src/admin/users/UserEditView'
import { DownloadsView as DownloadsView_7fe0334e5b3efc64ec4add5213409466 } from '../../../../src/admin/reports/DownloadsView'
import { CurrentCompany as CurrentCompany_f493831eff2785ca4fe30c696ce063ab } from '../../../../src/admin/company/CurrentCompany'
import { SettingsNavLink as SettingsNavLink_936a208da78d448a2acf0cba16ff3943 } from '../../../../src/admin/settings/SettingsNavLink'
import { BulkNavLinks as BulkNavLinks_4f37d9ef372cdb606c1dd01b1237aa8f } from '../../../../src/admin/offers/NavLinks'
import { BackupNavLinks as BackupNavLinks_f856bc7e3c8fd2c201b95e6d457b4652 } from '../../../../src/admin/backup/NavLinks'
import { ReportsNavLink as ReportsNavLink_2e8312fab974f0b98f361f0837d867ce } from '../../../../src/admin/reports/ReportsNavLink'
import { Dashboard as Dashboard_e57afc99291726bda4e4e9629bc62236 } from '../../../../src/admin/dashboard/Dashboard'
import { SettingsView as SettingsView_c3cbea95d2ccdb778245c2ef9f8988d4 } from '../../../../src/admin/settings/SettingsView'
import { LoginView as LoginView_d68334f8c124d58ef908ab64060625f1 } from '../../../../src/admin/login/LoginView'
import { SelectCompanyView as SelectCompanyView_e7dab24e944bb3ce95eff6ad35470067 } from '../../../../src/admin/company/SelectCompanyView'
import { DistributionView as DistributionView_708a11f386e369c60e3d72d2100e114f } from '../../../../src/admin/offers/DistributionView'
import { ImportView as ImportView_444c913ee29d645740d0a81eed48348b } from '../../../../src/admin/import/ImportView'
import { BackupView as BackupView_990295ec914efff0eaa9ea4bd75e07f9 } from '../../../../src/admin/backup/BackupView'
import { RestoreHistoryView as RestoreHistoryView_990295ec914efff0eaa9ea4bd75e07f9 } from '../../../../src/admin/backup/BackupView'
import { ReportsView as ReportsView_66aead1920b2bf8aff3b464e363ba9cd } from '../../../../src/admin/reports/ReportsView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/lines/LineOverview#LineOverview": LineOverview_5c34d937e10f7f194e37367f8279eda2,
  "/src/admin/engine/SimulateCall#SimulateCall": SimulateCall_6de8093497417cafb1ad97ff2c4519ae,
  "/src/admin/spend/SpendPanel#SpendPanel": SpendPanel_bb22f29a457e67f8fe7e3acc6c818262,
  "/src/admin/lines/LinesFilterBar#LinesFilterBar": LinesFilterBar_9afe4a968c13f93ebb29d1be02169031,
  "/src/admin/export/ExportButton#ExportButton": ExportButton_8629597163be0adf3efcd875fcc6ec5e,
  "/src/admin/organization/LineGroups#DepartmentLineCounts": DepartmentLineCounts_8d96543017dfa455106f890451be3979,
  "/src/admin/organization/LineGroups#ProfileLineCounts": ProfileLineCounts_8d96543017dfa455106f890451be3979,
  "/src/admin/profiles/ProfileEditView#ProfileEditView": ProfileEditView_258277f8404dd8d8ebc60f13cafeadb8,
  "/src/admin/transfers/TransferAmountField#TransferAmountField": TransferAmountField_cf8588a664b48fcf79ee56b1e70b36d0,
  "/src/admin/users/UserTransactionsLink#UserTransactionsLink": UserTransactionsLink_9f8a7ee3913af982c15e475d086c7590,
  "/src/admin/users/UserStatusField#UserStatusField": UserStatusField_2e78278d6fb3dd29d08db722ba7be3ce,
  "/src/admin/users/UserEditView#UserEditView": UserEditView_c92099cb8d612dba19c854c74fc6f548,
  "/src/admin/reports/DownloadsView#DownloadsView": DownloadsView_7fe0334e5b3efc64ec4add5213409466,
  "/src/admin/company/CurrentCompany#CurrentCompany": CurrentCompany_f493831eff2785ca4fe30c696ce063ab,
  "/src/admin/settings/SettingsNavLink#SettingsNavLink": SettingsNavLink_936a208da78d448a2acf0cba16ff3943,
  "/src/admin/offers/NavLinks#BulkNavLinks": BulkNavLinks_4f37d9ef372cdb606c1dd01b1237aa8f,
  "/src/admin/backup/NavLinks#BackupNavLinks": BackupNavLinks_f856bc7e3c8fd2c201b95e6d457b4652,
  "/src/admin/reports/ReportsNavLink#ReportsNavLink": ReportsNavLink_2e8312fab974f0b98f361f0837d867ce,
  "/src/admin/dashboard/Dashboard#Dashboard": Dashboard_e57afc99291726bda4e4e9629bc62236,
  "/src/admin/settings/SettingsView#SettingsView": SettingsView_c3cbea95d2ccdb778245c2ef9f8988d4,
  "/src/admin/login/LoginView#LoginView": LoginView_d68334f8c124d58ef908ab64060625f1,
  "/src/admin/company/SelectCompanyView#SelectCompanyView": SelectCompanyView_e7dab24e944bb3ce95eff6ad35470067,
  "/src/admin/offers/DistributionView#DistributionView": DistributionView_708a11f386e369c60e3d72d2100e114f,
  "/src/admin/import/ImportView#ImportView": ImportView_444c913ee29d645740d0a81eed48348b,
  "/src/admin/backup/BackupView#BackupView": BackupView_990295ec914efff0eaa9ea4bd75e07f9,
  "/src/admin/backup/BackupView#RestoreHistoryView": RestoreHistoryView_990295ec914efff0eaa9ea4bd75e07f9,
  "/src/admin/reports/ReportsView#ReportsView": ReportsView_66aead1920b2bf8aff3b464e363ba9cd,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
