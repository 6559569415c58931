import { SimulateCall as SimulateCall_6de8093497417cafb1ad97ff2c4519ae } from '../../../../src/admin/engine/SimulateCall'
import { LoginView as LoginView_d68334f8c124d58ef908ab64060625f1 } from '../../../../src/admin/login/LoginView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/engine/SimulateCall#SimulateCall": SimulateCall_6de8093497417cafb1ad97ff2c4519ae,
  "/src/admin/login/LoginView#LoginView": LoginView_d68334f8c124d58ef908ab64060625f1,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
