/**
 * Who is calling: the platform-injected OPENID's membership that the call acts as — the one in
 * the village the event names (`FunctionEvent.villageId`), none when they are not a member there
 * (a stranger, never someone else's membership), and without a village named the default of
 * domain/village/memberships (verified first, then the latest asked). One database request.
 */
import type { Actor } from '../../domain/permissions'
import type { Database } from './cloud'
import { findMemberByOpenid } from './members'

export interface ActorRecord extends Actor {
  name: string
  /** The register person this account is linked to (Member.personId), when it is. */
  personId?: string
}

export async function loadActor(
  db: Database,
  openid: string | undefined,
  villageId?: string,
): Promise<ActorRecord | null> {
  if (!openid) return null
  const member = await findMemberByOpenid(db, openid, villageId)
  if (!member) return null
  return {
    memberId: member._id,
    villageId: member.villageId,
    roles: member.roles,
    status: member.status,
    name: member.name,
    ...(member.personId ? { personId: member.personId } : {}),
  }
}
