// given/when/then for deciders: given past events, when a command, then new events or an error.
import { expect } from 'vitest';

type Decider<Command, Event, State> = {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
};

export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            then(expected: readonly Event[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows<E extends Error>(errorType: new (...args: any[]) => E, check?: (error: E) => void) {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown, 'the command should have been refused').toBeInstanceOf(errorType);
              check?.(thrown as E);
            },
          };
        },
      };
    },
  };
}
