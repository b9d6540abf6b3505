import type { PublicUser } from '../src/accounts/user-queries.ts'
import { setUserAccess } from '../src/outreach/partner-accounts.ts'
import { aUser } from './agent.ts'
import type { TestApp } from './harness.ts'
import { aPartner, cli } from './outreach-builders.ts'

/** A partner account of a new institution that is a partner in the programme: it sees that programme. */
export async function aPartnerAccount(jaga: TestApp, programmeId: string): Promise<PublicUser> {
  const institution = await aPartner(jaga)
  await jaga.db.insertInto('programmePartners').values({ programmeId, partnerId: institution.id }).execute()
  const user = await aUser(jaga, 'partner')
  await setUserAccess(jaga.db, cli, user.id, { partnerId: institution.id, ownProgrammesOnly: false })
  return user
}
