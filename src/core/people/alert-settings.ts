/** How a person hears about topics and meetings beyond an open page. */
export interface AlertSettings {
  /** topic alerts also by e-mail, batched */
  readonly topicMail: boolean;
  /** "starts in 10 minutes" reminders for the teams they follow, in the page */
  readonly reminders: boolean;
  /** those reminders also by e-mail */
  readonly reminderMail: boolean;
}

/** Until a person chooses: reminders in the page, nothing by e-mail. */
export const defaultAlertSettings: AlertSettings = { topicMail: false, reminders: true, reminderMail: false };
