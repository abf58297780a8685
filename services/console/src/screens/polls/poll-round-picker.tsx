import { useEffect } from 'react';
import { Select } from 'antd';
import { useT } from '../../i18n';
import type { PollRoundSummary } from './polls-api';

/** The round shown: the newest unless another is chosen; its status beside its title. */
export function PollRoundPicker({
  rounds,
  value,
  onChange,
}: {
  rounds: readonly PollRoundSummary[];
  value: string | undefined;
  onChange: (roundId: string) => void;
}) {
  const t = useT();
  const first = rounds[0]?.roundId;
  useEffect(() => {
    if (value === undefined && first !== undefined) onChange(first);
  }, [value, first, onChange]);
  return (
    <Select
      aria-label={t('polls.round')}
      style={{ minWidth: 280 }}
      value={value}
      onChange={onChange}
      options={rounds.map((round) => ({
        value: round.roundId,
        label: `${round.title}（${t(`polls.status.${round.status}`)}）`,
      }))}
    />
  );
}
