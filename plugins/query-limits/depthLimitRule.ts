import type { FragmentDefinitionNode, SelectionSetNode, ValidationRule } from 'graphql'

import { GraphQLError, Kind } from 'graphql'

/** Depth of the deepest field under `selectionSet`; fragments are followed, cycles cut, `__` fields skipped. */
const selectionDepth = (selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, visited: Set<string>): number => {
  let deepest = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue
      deepest = Math.max(deepest, 1 + (selection.selectionSet ? selectionDepth(selection.selectionSet, fragments, visited) : 0))
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, visited))
    } else {
      const fragment = fragments.get(selection.name.value)
      if (!fragment || visited.has(fragment.name.value)) continue
      deepest = Math.max(deepest, selectionDepth(fragment.selectionSet, fragments, new Set([...visited, fragment.name.value])))
    }
  }
  return deepest
}

/** Refuses operations nested deeper than `maxDepth`, before anything is resolved. */
export const depthLimitRule =
  (maxDepth: number): ValidationRule =>
  (context) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    )
    return {
      OperationDefinition(node) {
        const depth = selectionDepth(node.selectionSet, fragments, new Set())
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`쿼리 깊이 ${depth}이(가) 한도 ${maxDepth}을(를) 넘습니다 (query depth ${depth} exceeds the limit of ${maxDepth})`, { nodes: [node] }),
          )
        }
      },
    }
  }
