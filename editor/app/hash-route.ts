import { useEffect, useState } from 'react'
import { filtersFromSearch, filtersToSearch, type AuditFilters } from '../audit/audit-filters.ts'

export type Route =
  | { name: 'list' }
  | { name: 'editor'; id: string; version?: number }
  | { name: 'compare'; id: string; a: number; b: number }
  | { name: 'audit'; filters: AuditFilters }
  | { name: 'decision'; id: string }
  | { name: 'replay'; id: string; version: number }
  | { name: 'admin'; tab: 'people' | 'keys' }

/**
 * `#/rulesets/b2b-inbound/v/3` and friends. A hash keeps links shareable without the server
 * knowing the editor's pages.
 */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?')
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  if (parts[0] === 'decisions') {
    if (!parts[1]) return { name: 'audit', filters: filtersFromSearch(new URLSearchParams(query)) }
    const version = Number(parts[3])
    if (parts[2] === 'replay' && Number.isInteger(version) && version >= 1) {
      return { name: 'replay', id: parts[1], version }
    }
    return { name: 'decision', id: parts[1] }
  }
  if (parts[0] === 'admin') return { name: 'admin', tab: parts[1] === 'keys' ? 'keys' : 'people' }
  if (parts[0] === 'rulesets' && parts[1]) {
    if (parts[2] === 'compare' && parts[3] && parts[4]) {
      return { name: 'compare', id: parts[1], a: Number(parts[3]), b: Number(parts[4]) }
    }
    const version = parts[2] === 'v' && parts[3] ? Number(parts[3]) : undefined
    return {
      name: 'editor',
      id: parts[1],
      ...(version && Number.isInteger(version) && { version }),
    }
  }
  return { name: 'list' }
}

export const hrefOf = (route: Route): string => {
  switch (route.name) {
    case 'list':
      return '#/'
    case 'editor':
      return `#/rulesets/${encodeURIComponent(route.id)}${route.version ? `/v/${route.version}` : ''}`
    case 'compare':
      return `#/rulesets/${encodeURIComponent(route.id)}/compare/${route.a}/${route.b}`
    case 'audit': {
      const search = filtersToSearch(route.filters)
      return `#/decisions${search ? `?${search}` : ''}`
    }
    case 'decision':
      return `#/decisions/${encodeURIComponent(route.id)}`
    case 'replay':
      return `#/decisions/${encodeURIComponent(route.id)}/replay/${route.version}`
    case 'admin':
      return `#/admin/${route.tab}`
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
