// Lengths of time the way people say them. Pure.

/** To the minute: how long a lead spent in a status. */
export function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const [days, hours] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60)];
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return minutes > 0 ? `${minutes} min` : 'under a minute';
}

/** To the second under an hour: how far behind a read model is, how long a transaction has been open. */
export function preciseDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole >= 3600) return duration(whole);
  const [minutes, rest] = [Math.floor(whole / 60), whole % 60];
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}
