import type { FragmentDefinitionNode, SelectionSetNode, ValidationRule } from 'graphql'

import { GraphQLError, Kind } from 'graphql'

import { LIMIT } from './documentBounds'

/**
 * Depth of the deepest field under `selectionSet`; `__` fields skipped. Each fragment's depth is
 * computed once and reused at every spread (a fragment spread twice per level would otherwise
 * double the work per level); a fragment reached again while its depth is being computed (a
 * cycle, NoFragmentCycles' to report) adds nothing.
 */
const selectionDepth = (
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  depths: Map<string, number>,
): number => {
  let deepest = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue
      deepest = Math.max(
        deepest,
        1 +
          (selection.selectionSet ? selectionDepth(selection.selectionSet, fragments, depths) : 0),
      )
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, depths))
    } else {
      const name = selection.name.value
      const fragment = fragments.get(name)
      if (!fragment) continue
      if (!depths.has(name)) {
        depths.set(name, 0)
        depths.set(name, selectionDepth(fragment.selectionSet, fragments, depths))
      }
      deepest = Math.max(deepest, depths.get(name)!)
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
        .definitions.filter(
          (definition): definition is FragmentDefinitionNode =>
            definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    )
    const depths = new Map<string, number>()
    return {
      OperationDefinition(node) {
        const depth = selectionDepth(node.selectionSet, fragments, depths)
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(
              `쿼리 깊이 ${depth}이(가) 한도 ${maxDepth}을(를) 넘습니다 (query depth ${depth} exceeds the limit of ${maxDepth})`,
              {
                extensions: { code: LIMIT },
                nodes: [node],
              },
            ),
          )
        }
      },
    }
  }
