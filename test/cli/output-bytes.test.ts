import { describe, expect, it } from 'vitest'
import { OutputBytes } from '../../cli/evaluate/output-bytes.ts'

describe('OutputBytes', () => {
  it('keeps text and copied bytes in order, growing past its capacity', () => {
    const out = new OutputBytes(4)
    const comma = Buffer.from(',')
    const long = Buffer.from('"a part longer than sixteen bytes"')
    out.append('{"leadId":"Zoë"')
    out.put(comma)
    out.put(long)
    out.put(Buffer.alloc(0))
    out.append('€}\n')
    expect(out.take().toString('utf8')).toBe(
      '{"leadId":"Zoë","a part longer than sixteen bytes"€}\n',
    )
    // What is taken is the caller's: the next line starts a new buffer.
    out.put(Buffer.from('{}\n'))
    expect(out.take().toString('utf8')).toBe('{}\n')
  })

  it('fills a buffer given back instead of making a new one, once it is large enough', () => {
    const out = new OutputBytes(4)
    out.append('x'.repeat(70_000))
    const first = out.take()
    out.reuse(first.buffer as ArrayBuffer)
    out.append('y')
    const second = out.take()
    // The spare was taken for the batch after the first: its bytes now start with "y".
    expect([second.buffer === first.buffer, second.toString()]).toEqual([false, 'y'])
    out.append('z')
    expect([out.take().buffer === first.buffer, Buffer.from(first.buffer)[0]]).toEqual([
      true,
      'z'.charCodeAt(0),
    ])
  })
})
