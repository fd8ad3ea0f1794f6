import type { Field, FieldAccess } from 'payload'

import { dateTimePicker } from './datePickers'

type Bilingual = { en: string; ko: string }

const nobody: FieldAccess = () => false

/**
 * Fields of a reader's submission (a report, an inquiry) that the desk reads and only the
 * plugin's hooks write: read-only in the admin's sidebar, never settable through the API.
 */
export const deskStamps = (read: FieldAccess) => ({
  /** Which staff member did it (a relationship to the staff collection). */
  by: (name: string, label: Bilingual, users: string): Field => ({
    name,
    type: 'relationship',
    relationTo: users as never,
    label,
    access: { read, create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true },
  }),
  /** When it happened. */
  at: (name: string, label: Bilingual): Field => ({
    name,
    type: 'date',
    label,
    access: { read, create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true, date: dateTimePicker },
  }),
  /** A key or id as text (the readers collection may live in another plugin, or be off). */
  text: (name: string, label: Bilingual): Field => ({
    name,
    type: 'text',
    index: true,
    label,
    access: { read, create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true },
  }),
})
