import { useEffect, useRef } from 'react';

export interface DeskShortcuts {
  onPhone: () => void;
  onKnowledge: () => void;
  onRegister: () => void;
  onNewCall: () => void;
}

/**
 * The desk's keys, for agents who keep their hands on the keyboard during a call: F2 the caller's
 * number, F4 the knowledge base, Ctrl+Enter registers the case, Alt+N starts the next call.
 */
export function useDeskShortcuts(shortcuts: DeskShortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const actions = latest.current;
      if (event.key === 'F2') actions.onPhone();
      else if (event.key === 'F4') actions.onKnowledge();
      else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) actions.onRegister();
      else if (event.altKey && event.key.toLowerCase() === 'n') actions.onNewCall();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
