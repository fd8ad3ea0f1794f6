import type { Cluster, Worker } from 'node:cluster'

import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'

import { relaySaveTurns } from './saveTurns'

/** A stand-in for node:cluster's primary and its workers: what relaySaveTurns listens to and sends. */
const primaryWithWorkers = (count: number) => {
  const primary = new EventEmitter()
  const workers = Array.from({ length: count }, (_, index) => {
    const worker = Object.assign(new EventEmitter(), {
      connected: true,
      granted: [] as string[],
      id: index + 1,
      isConnected: () => worker.connected,
      send: (message: { id: string; type: string }) => {
        if (message.type.endsWith(':granted')) worker.granted.push(message.id)
        return true
      },
    })
    return worker
  })
  relaySaveTurns(primary as unknown as Cluster)
  const say = (worker: (typeof workers)[number], type: 'ask' | 'done', id: string, key = 'saves:articles') =>
    primary.emit('message', worker as unknown as Worker, { type: `payload-newsroom:save-turns:${type}`, id, key })
  return { exit: (worker: (typeof workers)[number]) => primary.emit('exit', worker as unknown as Worker), say, workers }
}

describe('save turns across cluster workers (the primary)', () => {
  it('grants each key to one ask at a time, in the order asked; keys are independent', () => {
    const { say, workers } = primaryWithWorkers(2)
    const [first, second] = workers as [(typeof workers)[number], (typeof workers)[number]]
    say(first, 'ask', 'a1')
    say(second, 'ask', 'b1')
    say(first, 'ask', 'a2')
    say(second, 'ask', 'b-reporters', 'saves:reporters')
    expect(first.granted).toEqual(['a1'])
    expect(second.granted).toEqual(['b-reporters'])
    say(first, 'done', 'a1')
    expect(second.granted).toEqual(['b-reporters', 'b1'])
    say(second, 'done', 'b1')
    expect(first.granted).toEqual(['a1', 'a2'])
    expect(process.env.PAYLOAD_NEWSROOM_SAVE_TURNS_RELAY).toBe('1')
  })

  it('drops an ask withdrawn before its grant, and passes on the turn of a worker that exits, past waiters that are gone', () => {
    const { exit, say, workers } = primaryWithWorkers(3)
    const [first, second, third] = workers as [(typeof workers)[number], (typeof workers)[number], (typeof workers)[number]]
    say(first, 'ask', 'a1')
    say(second, 'ask', 'b1')
    say(third, 'ask', 'c1')
    say(second, 'done', 'b1')
    exit(first)
    expect(third.granted).toEqual(['c1'])
    expect(second.granted).toEqual([])

    say(second, 'ask', 'b2')
    // Its worker disconnects while it waits (the exit event comes later).
    second.connected = false
    say(third, 'done', 'c1')
    expect(second.granted).toEqual([])
    say(third, 'ask', 'c2')
    expect(third.granted).toEqual(['c1', 'c2'])
  })
})
