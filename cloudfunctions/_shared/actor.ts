/** Who is calling: the membership that belongs to the platform-injected OPENID. */
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
): Promise<ActorRecord | null> {
  if (!openid) return null
  const member = await findMemberByOpenid(db, openid)
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
