/** What a person can follow (a subscription's subject kind); the notifications of later features read them. */
export const SUBSCRIPTION_SUBJECT_KINDS = ['action', 'suggestion', 'event', 'group', 'theme'] as const;
export type SubscriptionSubjectKind = (typeof SUBSCRIPTION_SUBJECT_KINDS)[number];

/**
 * In what capacity a person follows: as a participant (the public follow of an action or suggestion, in
 * "Mijn activiteit" and its counts) or as a colleague of the municipality (a civil servant of another
 * department following an action or theme from the back office, for its updates, decisions, reports and
 * event logistics). The two never mix: each query names the one it reads.
 */
export const SUBSCRIPTION_CAPACITIES = ['participant', 'colleague'] as const;
export type SubscriptionCapacity = (typeof SUBSCRIPTION_CAPACITIES)[number];
