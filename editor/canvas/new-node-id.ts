/** Ids for nodes made in the editor; canonical ids are given when a ruleset is drawn. */
export const newNodeId = (): string => `n-${crypto.randomUUID().slice(0, 8)}`
