import Link from 'next/link';

export default function LeadNotFound() {
  return (
    <>
      <h1>Lead not found</h1>
      <p>Your organisation has no lead at this address. Check the link, or find the lead by name, phone or email.</p>
      <p>
        <Link href="/leads">All leads</Link> · <Link href="/leads/new">New lead</Link>
      </p>
    </>
  );
}
