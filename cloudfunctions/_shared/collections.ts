// The one declaration of the project's collections and their indexes. Plain data: the emulator
// receives it as configuration, function code imports the names, and deployment turns each index
// into a CloudBase index (MgoKeySchema: { MgoIsUnique, MgoIndexKeys: [{ Name, Direction }] }).

export interface IndexKey {
  readonly field: string
  readonly direction: 1 | -1
}

export interface IndexDeclaration {
  readonly name: string
  readonly keys: readonly IndexKey[]
  readonly unique?: boolean
}

export interface CollectionDeclaration {
  readonly name: string
  readonly indexes: readonly IndexDeclaration[]
}

export const COLLECTION = {
  villages: 'villages',
  members: 'members',
  matters: 'matters',
  auditLogs: 'auditLogs',
} as const

export type CollectionName = (typeof COLLECTION)[keyof typeof COLLECTION]

export const COLLECTIONS: readonly CollectionDeclaration[] = [
  { name: COLLECTION.villages, indexes: [] },
  {
    name: COLLECTION.members,
    indexes: [
      { name: 'openid', keys: [{ field: 'openid', direction: 1 }] },
      { name: 'villageId', keys: [{ field: 'villageId', direction: 1 }] },
      {
        name: 'villageId_openid',
        unique: true,
        keys: [
          { field: 'villageId', direction: 1 },
          { field: 'openid', direction: 1 },
        ],
      },
    ],
  },
  {
    name: COLLECTION.matters,
    indexes: [
      {
        name: 'villageId_createdAt',
        keys: [
          { field: 'villageId', direction: 1 },
          { field: 'createdAt', direction: -1 },
        ],
      },
      { name: 'status', keys: [{ field: 'status', direction: 1 }] },
    ],
  },
  {
    name: COLLECTION.auditLogs,
    indexes: [
      { name: 'villageId', keys: [{ field: 'villageId', direction: 1 }] },
      { name: 'subjectId', keys: [{ field: 'subjectId', direction: 1 }] },
    ],
  },
]
