/** Who is calling: the membership that belongs to the platform-injected OPENID. */
import type { Actor } from '../../domain/permissions'
import type { Member } from '../../types/model/member'
import { COLLECTION } from './collections'
import type { Database } from './cloud'

export interface ActorRecord extends Actor {
  name: string
}

export async function loadActor(
  db: Database,
  openid: string | undefined,
): Promise<ActorRecord | null> {
  if (!openid) return null
  const { data } = await db.collection(COLLECTION.members).where({ openid }).limit(1).get()
  const member = data[0] as Member | undefined
  if (!member) return null
  return {
    memberId: member._id,
    villageId: member.villageId,
    roles: member.roles,
    status: member.status,
    name: member.name,
  }
}
