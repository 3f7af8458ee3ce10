/**
 * A row that must not be sent, whatever retrying does: the worker gives up on it (or fails over).
 * Its own module because both sides throw it — the delivery channels and the dossiers sent to the
 * case system — and the dossiers' modules import the drafts', which import the dossiers' back.
 */
export class NotSendable extends Error {
  override readonly name = "NotSendable";
}
