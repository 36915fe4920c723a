import { ballotDigest, sha256Hex } from '../../../cloudfunctions/_shared/digest'

// Expected digests computed outside the code, with coreutils:
//   printf 'a,yes\nb,no\n' | sha256sum
//   printf 'B7,o1+o3\nb10,yes\nb2,no\npaper,abstain,2\npaper,spoiled,1\npaper,yes,12\n' | sha256sum
//   printf '说事\n' | sha256sum   (UTF-8 bytes)
describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes, as lowercase hex', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(sha256Hex('a,yes\nb,no\n')).toBe(
      '13f9eca6b2592c26354e109a544c6b538c5a80801f51cee3844438c06c19d4be',
    )
    expect(sha256Hex('说事\n')).toBe(
      'f46d7082fcb66840e749c19fa0f669ca063cbf2645cddbe0c2854dd1270d221c',
    )
  })
})

describe('ballotDigest', () => {
  it('is the SHA-256 of the sorted canonical list, whatever order the ballots come in', () => {
    expect(
      ballotDigest(
        [
          { key: 'b2', choice: 'no' },
          { key: 'B7', choice: 'o1+o3' },
          { key: 'b10', choice: 'yes' },
        ],
        [
          { choice: 'yes', count: 12 },
          { choice: 'spoiled', count: 1 },
          { choice: 'abstain', count: 2 },
          { choice: 'no', count: 0 },
        ],
      ),
    ).toBe('066e8b6abf81c552788df84772a4d8c385b9616c57bf89a50831e0cfefaf0c1e')
    expect(
      ballotDigest(
        [
          { key: 'b', choice: 'no' },
          { key: 'a', choice: 'yes' },
        ],
        [],
      ),
    ).toBe('13f9eca6b2592c26354e109a544c6b538c5a80801f51cee3844438c06c19d4be')
  })

  it('of no ballots is the digest of the empty list', () => {
    expect(ballotDigest([], [])).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
  })
})
