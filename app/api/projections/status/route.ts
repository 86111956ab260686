import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { projectionLag } from '@/lib/read/engine/lag';
import { asyncProjections, inlineProjections } from '@/lib/system/projections';

export const dynamic = 'force-dynamic';

/** Per projection: the position it has applied, the head of the log, and how far behind it is. */
export async function GET() {
  const projections = await projectionLag(db(), asyncProjections.map((p) => p.name), inlineProjections.map((p) => p.name));
  return NextResponse.json({ projections });
}
