const indigo = '#4f46e5'

/**
 * leadgate's logo: a tick-shaped corner on a rounded tile. `inverted` draws a white tile for
 * dark backgrounds (the sign-in page). Decorative: the word "leadgate" beside it is the name.
 *
 * @example
 * <BrandMark size={26} />
 */
export function BrandMark({ size, inverted = false }: { size: number; inverted?: boolean }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true">
      <rect width="32" height="32" rx="8" fill={inverted ? '#ffffff' : indigo} />
      <path
        d="M9 9v14h14"
        stroke={inverted ? indigo : 'white'}
        strokeWidth="3.5"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
