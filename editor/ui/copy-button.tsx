import { useEffect, useState } from 'react'

/**
 * Copies `text` to the clipboard and says so for two seconds. Where the clipboard is not
 * available (plain http on another host), it tells the person to select the text instead.
 */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()} aria-live="polite">
      {state === 'copied' ? '✓ Copied' : state === 'failed' ? 'Select and copy' : label}
    </button>
  )
}
