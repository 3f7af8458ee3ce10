import { setZaloUserContactPhone, updateZaloUser, type Db, type ZaloUser } from "@hccd/db";

export type { ZaloUser };

/**
 * The user wrote to the OA, tapped a button or followed it: that opens Zalo's 7-day window for
 * customer-service messages, which decides whether an OA message may be sent or ZNS must be used.
 * An event dated ahead of our clock counts from now. Returns the user as it now is.
 */
export async function recordInteraction(db: Db, user: ZaloUser, eventAt: Date, now: Date): Promise<ZaloUser> {
  const at = new Date(Math.min(eventAt.getTime(), now.getTime()));
  if (user.lastInteractionAt && user.lastInteractionAt >= at) return user;
  await updateZaloUser(db, user.id, { lastInteractionAt: at, updatedAt: now });
  return { ...user, lastInteractionAt: at };
}

/**
 * Follow and unfollow: the channel policy sends OA messages to followers only. A follow is an
 * interaction too. Returns the user as it now is.
 */
export async function setFollower(db: Db, user: ZaloUser, follower: boolean, now: Date): Promise<ZaloUser> {
  if (!follower) {
    await updateZaloUser(db, user.id, { follower: false, updatedAt: now });
    return { ...user, follower: false };
  }
  await updateZaloUser(db, user.id, { follower: true, lastInteractionAt: now, updatedAt: now });
  return { ...user, follower: true, lastInteractionAt: now };
}

/**
 * A phone typed into the OA's form: kept as contact data, to call the user back, never as identity
 * (anyone can type anyone's number there). Returns the user as it now is.
 */
export async function saveContactPhone(db: Db, user: ZaloUser, phone: string, now: Date): Promise<ZaloUser> {
  await setZaloUserContactPhone(db, user.id, phone, now);
  return { ...user, contactPhone: phone, contactPhoneAt: now };
}
