import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { tierLabel } from '../../shared/utils/format';
import type { LeaderOption } from '../utils/leaders';
import { matchLeaders } from '../utils/leaders';

type Props = {
  leaders: readonly LeaderOption[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** The chosen leader when `leaders` (a page of matches) may not hold them. */
  selected?: LeaderOption | null;
  /** Told what is typed, for a server that sends the matching leaders. */
  onQueryChange?: (query: string) => void;
};

const MAX_OPTIONS = 50;

/** A searchable select (ARIA combobox): type a name, title or department, pick with arrows and Enter. */
export function LeaderPicker({ leaders, selectedId, onSelect, selected: knownSelected, onQueryChange }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const selected =
    leaders.find((leader) => leader.id === selectedId) ?? (knownSelected?.id === selectedId ? knownSelected : null);
  const [query, setQueryState] = useState('');
  const setQuery = (next: string) => {
    setQueryState(next);
    onQueryChange?.(next);
  };
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => matchLeaders(leaders, query).slice(0, MAX_OPTIONS), [leaders, query]);

  const choose = (leader: LeaderOption) => {
    onSelect(leader.id);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setQuery('');
    }
  };

  return (
    <div className="combobox">
      <label htmlFor={id}>Leader</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].id}` : undefined}
        autoComplete="off"
        placeholder={selected ? `${selected.name} — ${selected.title}` : 'Search managers, directors, executives'}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {selected && !open && (
        <p className="combobox__current">
          Reviewing <strong>{selected.name}</strong>, {selected.title}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label="Leaders" className="combobox__list" hidden={!open}>
        {matches.length === 0 && (
          <li role="presentation" className="combobox__empty">
            No leader matches “{query}”.
          </li>
        )}
        {matches.map((leader, index) => (
          <li
            key={leader.id}
            id={`${listId}-${leader.id}`}
            role="option"
            aria-selected={leader.id === selectedId}
            className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(leader);
            }}
          >
            <span className="combobox__name">{leader.name}</span>
            <span className="combobox__meta">
              {leader.title} · {tierLabel(leader.tier)}
              {leader.department ? ` · ${leader.department}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
