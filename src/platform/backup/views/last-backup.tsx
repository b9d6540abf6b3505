import { formatDateTime, type Locale, type Translator } from '../../i18n/i18n.ts'
import type { platformMessages } from '../../i18n/platform-messages.ts'
import type { LastBackup } from '../backup-log-queries.ts'

/** Older than this, the note turns into a warning: a daily timer that stopped shows within a day. */
export const BACKUP_STALE_MS = 48 * 3600_000

type BackupKey = Extract<keyof typeof platformMessages, `backup.${string}`>

export function LastBackupNote(p: { t: Translator<BackupKey>; locale: Locale; timeZone: string; backup: LastBackup | undefined; now?: Date }) {
  const { t, backup } = p
  if (!backup) return <p class="alert alert-warn" role="note">{t('backup.none')}</p>
  const stale = (p.now ?? new Date()).getTime() - new Date(backup.takenAt).getTime() > BACKUP_STALE_MS
  return (
    <p class={stale || !backup.encrypted ? 'alert alert-warn' : 'muted'} role="note">
      {t('backup.last', { when: formatDateTime(p.locale, backup.takenAt, p.timeZone) })}
      {backup.encrypted ? null : ` ${t('backup.unencrypted')}`}
      {stale ? ` ${t('backup.stale')}` : null}
    </p>
  )
}
