import type { ChoiceOption, ChoiceResults } from '@ettor/protocol';

/** Counts per option, as a choice and a quiz have them. */
type OptionCounts = Pick<ChoiceResults, 'counts' | 'respondents'>;

export interface OptionTally {
  id: string;
  label: string;
  count: number;
  /** Share of the people who answered, 0..1; with several choices each the shares add up to more than 1. */
  share: number;
}

/** Pairs every option with its count, in the slide's order, zeros included. */
export function tallyOptions(options: ChoiceOption[], results: OptionCounts | undefined): OptionTally[] {
  const counts = new Map(results?.counts.map((c) => [c.optionId, c.count]));
  const respondents = results?.respondents ?? 0;
  return options.map((option) => {
    const count = counts.get(option.id) ?? 0;
    return { id: option.id, label: option.label, count, share: respondents > 0 ? count / respondents : 0 };
  });
}
