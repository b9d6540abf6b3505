import type { Locale } from '../platform/i18n/i18n.ts'

export type RevisionStatus = 'draft' | 'in_review' | 'published' | 'rejected'

export interface LibraryRevisionsTable {
  id: string
  locale: Locale
  slug: string
  source: string
  /** The whole slide deck, for a page that has one; null otherwise. */
  slides: string | null
  status: RevisionStatus
  note: string | null
  authorId: string | null
  authorLabel: string
  createdAt: string
  submittedAt: string | null
  reviewerId: string | null
  reviewerLabel: string | null
  reviewedAt: string | null
  reviewNote: string | null
  shippedHash: string
}

export interface LibraryTables {
  libraryRevisions: LibraryRevisionsTable
}
