// Rate limits count in whole-minute windows: a test that fills one must not see it turn midway.

/** Waits for the next minute when less than `margin` ms of this one are left. */
export async function clearOfMinuteEnd(margin = 8000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
