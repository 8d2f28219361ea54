import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { suggestServices } from '../../api/catalog-endpoints.ts';
import type { Suggestion } from '../../api/catalog-types.ts';

interface Props {
  /** Prefix of the element ids (two boxes may share a page). */
  id: string;
  label: string;
  initialQuery?: string;
  isLarge?: boolean;
}

const SUGGEST_DELAY_MS = 150;
const MAX_SUGGESTIONS = 8;

/** One option per service: the first matching words people typed are kept as a note. */
function distinctByService(items: Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id)).slice(0, MAX_SUGGESTIONS);
}

/**
 * The front door's search box: an ARIA 1.2 combobox with suggestions as you type. Arrow keys
 * move through them, Enter opens the chosen service (or searches for what was typed), Escape
 * closes the list and, pressed again, clears the box.
 */
export function ServiceSearchBox({ id, label, initialQuery = '', isLarge = false }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState(initialQuery);
  const [isTyping, setIsTyping] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const latestRequest = useRef(0);
  const inputId = `${id}-input`;
  const listId = `${id}-suggestions`;
  const optionId = (index: number) => `${id}-option-${index}`;

  // A new search from the address bar (back button, a facet link) shows its words here.
  useEffect(() => {
    setQuery(initialQuery);
    setIsTyping(false);
    setIsOpen(false);
  }, [initialQuery]);

  const trimmed = query.trim();
  useEffect(() => {
    if (!isTyping || !trimmed) {
      setSuggestions([]);
      setIsOpen(false);
      return;
    }
    const request = ++latestRequest.current;
    const timer = window.setTimeout(() => {
      suggestServices(trimmed.slice(0, 50)).then(
        (answer) => {
          if (request !== latestRequest.current) return; // a later keystroke won
          const items = distinctByService(answer.items);
          setSuggestions(items);
          setActiveIndex(-1);
          setIsOpen(items.length > 0);
        },
        () => {
          // Suggestions are a help, not a must: searching still works without them.
          if (request === latestRequest.current) setIsOpen(false);
        },
      );
    }, SUGGEST_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [trimmed, isTyping, i18n.resolvedLanguage]);

  function close() {
    latestRequest.current += 1;
    setIsOpen(false);
    setActiveIndex(-1);
  }

  function choose(suggestion: Suggestion) {
    close();
    setIsTyping(false);
    void navigate(`/services/${encodeURIComponent(suggestion.id)}`);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    close();
    setIsTyping(false);
    const params = new URLSearchParams();
    if (trimmed) params.set('q', trimmed);
    void navigate(`/services${params.size ? `?${params.toString()}` : ''}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        setIsOpen(true);
        setActiveIndex((index) => (index + 1) % count);
        return;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        setIsOpen(true);
        setActiveIndex((index) => (index <= 0 ? count - 1 : index - 1));
        return;
      case 'Enter': {
        const active = isOpen ? suggestions[activeIndex] : undefined;
        if (active) {
          event.preventDefault();
          choose(active);
        }
        return; // otherwise the form searches for what was typed
      }
      case 'Escape':
        event.preventDefault();
        if (isOpen) close();
        else {
          setQuery('');
          setIsTyping(false);
        }
        return;
      case 'Tab':
        close();
        return;
    }
  }

  const isExpanded = isOpen && suggestions.length > 0;
  const activeId = isExpanded && activeIndex >= 0 ? optionId(activeIndex) : undefined;

  return (
    <form className={isLarge ? 'search-box search-box--large' : 'search-box'} role="search" onSubmit={submit}>
      <label className="search-box__label" htmlFor={inputId}>
        {label}
      </label>
      <div className="search-box__row">
        <div className="search-box__field">
          <input
            className="search-box__input"
            id={inputId}
            type="search"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={100}
            placeholder={t('search.placeholder')}
            aria-autocomplete="list"
            aria-expanded={isExpanded}
            aria-controls={listId}
            aria-activedescendant={activeId}
            aria-describedby={`${id}-hint`}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setIsTyping(true);
            }}
            onKeyDown={onKeyDown}
            onBlur={close}
          />
          <ul
            className="suggestions"
            id={listId}
            role="listbox"
            aria-label={t('search.suggestionsLabel')}
            hidden={!isExpanded}
          >
            {suggestions.map((suggestion, index) => (
              <li
                key={suggestion.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                className={index === activeIndex ? 'suggestion suggestion--active' : 'suggestion'}
                // Keep focus in the box: a click chooses without blurring it first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(suggestion)}
              >
                <span className="suggestion__name">{suggestion.name}</span>
                {suggestion.type === 'bundle' && (
                  <span className="badge badge--bundle">{t('catalog.bundleBadge')}</span>
                )}
                {suggestion.text !== suggestion.name && (
                  <span className="suggestion__match">{t('search.matched', { text: suggestion.text })}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
        <button className="button button--primary search-box__button" type="submit">
          {t('search.submit')}
        </button>
      </div>
      <p className="visually-hidden" id={`${id}-hint`}>
        {t('search.hint')}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {isExpanded ? t('search.suggestionCount', { count: suggestions.length }) : ''}
      </p>
    </form>
  );
}
