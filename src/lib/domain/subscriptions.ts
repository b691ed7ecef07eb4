/** What a person can follow (a subscription's subject kind); the notifications of later features read them. */
export const SUBSCRIPTION_SUBJECT_KINDS = ['action', 'suggestion', 'event', 'group', 'theme'] as const;
export type SubscriptionSubjectKind = (typeof SUBSCRIPTION_SUBJECT_KINDS)[number];
