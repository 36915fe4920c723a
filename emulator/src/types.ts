// Public configuration types. Structurally compatible with any project's collection declaration:
// the emulator never imports project code.

export interface IndexKeySpec {
  readonly field: string
  readonly direction: 1 | -1
}

export interface IndexSpec {
  readonly name: string
  readonly keys: readonly IndexKeySpec[]
  readonly unique?: boolean
}

export interface CollectionSpec {
  readonly name: string
  readonly indexes?: readonly IndexSpec[]
}

export type Doc = Record<string, unknown>
