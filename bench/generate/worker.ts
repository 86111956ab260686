// A generation worker: parsing and deciding commands is CPU-bound, so chunks are made on other
// threads while the main thread keeps postgres busy with the previous chunk's inserts.
import { parentPort } from 'node:worker_threads';
import { generateChunk } from './leads';

parentPort!.on('message', ({ from, to }: { from: number; to: number }) => parentPort!.postMessage(generateChunk(from, to)));
