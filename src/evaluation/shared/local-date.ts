// The phone's own calendar day, YYYY-MM-DD: today() in an expression is the participant's day, and the
// day sent with the answers so the server checks them against the same today() (answers.ts).
export function localDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
