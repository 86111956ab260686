import type { Strength } from '@/lib/duplicates/score';
import { STRENGTH_LABELS } from '@/lib/present/duplicates';
import styles from './duplicates.module.css';

export function StrengthBadge({ strength }: { strength: Strength }) {
  return <span className={styles.strength} data-strength={strength}>{STRENGTH_LABELS[strength]}</span>;
}
