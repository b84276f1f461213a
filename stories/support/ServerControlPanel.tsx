import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MEMORY_OPERATIONS, type MemoryAdapter, type MemoryOperation } from '../../src/adapters/memory/index.js';
import {
  type Conversation,
  type ConversationId,
  type MentionKind,
  useConversation,
  useConversationGroups,
  useConversationList,
  useInboxStore,
} from '../../src/index.js';
import './ServerControlPanel.css';

const SAMPLE_MESSAGES = [
  'Are we still on for 3pm?',
  'Shipped 🚀',
  '收到，马上处理',
  '明天上午十点开会',
  'よろしくお願いします',
  '[Image]',
  'Can you take a look? 🙏',
  'lol 😂',
  'Build is green.',
  '週末空いてる？',
];
const SENDERS = ['Alice', 'Ben', '王芳', '佐藤 翔', 'Priya', 'Tom'];
const NEW_NAMES = ['Zoe Carter', '李娜', '山田 結衣', 'Design sync 🎨', 'Oliver Stone', '周末爬山群'];

/** A seeded PRNG (xorshift32), so the simulated traffic is the same on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

export interface ServerControlPanelProps {
  /** The memory adapter the inbox runs on: the panel plays its server. */
  adapter: MemoryAdapter;
  /** Seed of the simulated traffic. @default 7 */
  seed?: number;
  /** Messages per second when the panel opens. @default 5 */
  initialRate?: number;
  /**
   * Whether messages start arriving as soon as the panel opens (a busy server), at `initialRate`; Stop messages
   * stops them, and they stop when the panel unmounts. @default false
   */
  autoStart?: boolean;
}

interface LogEntry {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

function ConversationOption({ id }: { id: ConversationId }) {
  const conversation = useConversation(id);
  return <option value={id}>{conversation?.title ?? id}</option>;
}

/**
 * Drives the simulated server of a memory adapter: incoming messages at a chosen rate, new conversations,
 * remote group changes, latency and failure injection. A plain component inside the `InboxProvider`.
 */
export function ServerControlPanel({ adapter, seed = 7, initialRate = 5, autoStart = false }: ServerControlPanelProps) {
  const store = useInboxStore();
  const { groups } = useConversationGroups();
  const { ids } = useConversationList();
  const baseId = useId();

  const random = useRef(createRandom(seed));
  const [rate, setRate] = useState(initialRate);
  const [isRunning, setRunning] = useState(autoStart);
  const [sent, setSent] = useState(0);
  const [latency, setLatency] = useState(0);
  const [operation, setOperation] = useState<MemoryOperation>('pin');
  const [groupName, setGroupName] = useState('');
  const [selectedGroup, setSelectedGroup] = useState('');
  const [moveId, setMoveId] = useState('');
  const [log, setLog] = useState<LogEntry[]>([]);
  const logSeq = useRef(0);
  const newSeq = useRef(0);

  const note = useCallback((text: string, tone: LogEntry['tone'] = 'info') => {
    setLog((entries) => [{ id: ++logSeq.current, text, tone }, ...entries].slice(0, 8));
  }, []);

  // Every failed command or load reaches the log, after the store rolled its optimistic change back.
  useEffect(
    () => store.onError((error, context) => note(`${context.operation} failed (${error.code}): ${error.message} Rolled back.`, 'error')),
    [store, note],
  );

  // Latest ids without restarting the timer on every reorder.
  const idsRef = useRef(ids);
  useEffect(() => {
    idsRef.current = ids;
  }, [ids]);

  const sendOne = useCallback(() => {
    const list = idsRef.current;
    if (list.length === 0) return;
    const r = random.current;
    const id = list[Math.floor(r() * list.length)]!;
    const mentions: MentionKind[] = r() < 0.05 ? ['me'] : [];
    adapter.simulate.message(id, {
      preview: SAMPLE_MESSAGES[Math.floor(r() * SAMPLE_MESSAGES.length)]!,
      senderName: SENDERS[Math.floor(r() * SENDERS.length)]!,
      mentions,
    });
  }, [adapter]);

  useEffect(() => {
    if (!isRunning) return undefined;
    // Ticks of 50 ms; the fraction of a message left over carries to the next tick, so 1/s and 500/s are both exact.
    const tickMs = 50;
    let owed = 0;
    const timer = setInterval(() => {
      owed += (rate * tickMs) / 1000;
      const count = Math.floor(owed);
      owed -= count;
      for (let i = 0; i < count; i++) sendOne();
      if (count > 0) setSent((n) => n + count);
    }, tickMs);
    return () => clearInterval(timer);
  }, [isRunning, rate, sendOne]);

  const addConversation = () => {
    const n = ++newSeq.current;
    const title = NEW_NAMES[(n - 1) % NEW_NAMES.length]!;
    const at = Date.now();
    const conversation: Conversation = {
      id: `C2Cplayground_${n}`,
      kind: 'direct',
      peerUserId: `playground_${n}`,
      title,
      unreadCount: 1,
      muteMode: 'none',
      lastMessage: { id: `playground_msg_${n}`, preview: 'Hi! 👋 Is this the right place to ask?', sentAt: at },
      lastActivityAt: at,
      mentions: [],
      isPinned: false,
      groupNames: [],
    };
    adapter.simulate.newConversation(conversation);
    note(`New conversation “${title}” arrived.`);
  };

  const run = (what: string, change: () => void) => {
    try {
      change();
      note(what);
    } catch (error) {
      note(`${what} refused: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    const name = groupName.trim();
    run(`Group “${name}” created on another device.`, () => adapter.simulate.groupCreated(name));
    setGroupName('');
  };

  const target = selectedGroup || groups[0]?.name || '';

  const moveConversation = () => {
    const id = moveId || ids[0];
    if (!id || !target) return;
    run(`Conversation moved to “${target}” on another device.`, () => {
      const snapshot = adapter.getSnapshot();
      for (const group of snapshot.groups) {
        if (group.name !== target && group.conversationIds.includes(id)) {
          adapter.simulate.membership(group.name, group.conversationIds.filter((member) => member !== id));
        }
      }
      const current = snapshot.groups.find((group) => group.name === target)?.conversationIds ?? [];
      if (!current.includes(id)) adapter.simulate.membership(target, [...current, id]);
    });
  };

  const field = (name: string) => `${baseId}-${name}`;

  return (
    <section className="sb-server" aria-labelledby={field('title')}>
      <h2 id={field('title')} className="sb-server-title">
        Simulated server
      </h2>

      <fieldset className="sb-server-group">
        <legend>Incoming messages</legend>
        <label htmlFor={field('rate')}>Rate: {rate} per second</label>
        <input
          id={field('rate')}
          type="range"
          min={1}
          max={500}
          step={1}
          value={rate}
          onChange={(event) => setRate(Number(event.target.value))}
        />
        <div className="sb-server-row">
          <button type="button" aria-pressed={isRunning} onClick={() => setRunning((running) => !running)}>
            {isRunning ? 'Stop messages' : 'Start messages'}
          </button>
          <button type="button" onClick={() => { sendOne(); setSent((n) => n + 1); }}>
            Send one
          </button>
        </div>
        <p className="sb-server-stat" aria-live="off">
          Sent: <output aria-label="Messages sent">{sent}</output>
        </p>
      </fieldset>

      <fieldset className="sb-server-group">
        <legend>Conversations</legend>
        <button type="button" onClick={addConversation}>
          New conversation
        </button>
        <button
          type="button"
          disabled={ids.length === 0}
          onClick={() => run('Top conversation read on another device.', () => adapter.simulate.read(ids[0]!))}
        >
          Read the top one elsewhere
        </button>
      </fieldset>

      <fieldset className="sb-server-group">
        <legend>Remote group changes</legend>
        <form className="sb-server-row" onSubmit={onCreate}>
          <label htmlFor={field('group-name')}>Name</label>
          <input id={field('group-name')} value={groupName} onChange={(event) => setGroupName(event.target.value)} />
          <button type="submit" disabled={!groupName.trim()}>
            Create group
          </button>
        </form>
        <label htmlFor={field('group')}>Group</label>
        <select id={field('group')} value={target} onChange={(event) => setSelectedGroup(event.target.value)} disabled={groups.length === 0}>
          {groups.map((group) => (
            <option key={group.name} value={group.name}>
              {group.name}
            </option>
          ))}
        </select>
        <div className="sb-server-row">
          <button
            type="button"
            disabled={!target || !groupName.trim()}
            onClick={() => {
              const next = groupName.trim();
              run(`Group “${target}” renamed to “${next}”.`, () => adapter.simulate.groupRenamed(target, next));
              setSelectedGroup(next);
              setGroupName('');
            }}
          >
            Rename group
          </button>
          <button type="button" disabled={!target} onClick={() => run(`Group “${target}” deleted.`, () => adapter.simulate.groupDeleted(target))}>
            Delete group
          </button>
        </div>
        <label htmlFor={field('move')}>Conversation</label>
        <select id={field('move')} value={moveId || ids[0] || ''} onChange={(event) => setMoveId(event.target.value)}>
          {ids.slice(0, 30).map((id) => (
            <ConversationOption key={id} id={id} />
          ))}
        </select>
        <button type="button" disabled={!target || ids.length === 0} onClick={moveConversation}>
          Move into group
        </button>
      </fieldset>

      <fieldset className="sb-server-group">
        <legend>Network</legend>
        <label htmlFor={field('latency')}>Latency: {latency} ms</label>
        <input
          id={field('latency')}
          type="range"
          min={0}
          max={2000}
          step={50}
          value={latency}
          onChange={(event) => {
            const ms = Number(event.target.value);
            setLatency(ms);
            adapter.setLatency(ms);
          }}
        />
        <label htmlFor={field('operation')}>Operation</label>
        <select id={field('operation')} value={operation} onChange={(event) => setOperation(event.target.value as MemoryOperation)}>
          {MEMORY_OPERATIONS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            adapter.failNext(operation);
            note(`The next ${operation} will fail.`);
          }}
        >
          Fail next call
        </button>
        <div className="sb-server-row">
          <button type="button" onClick={() => { void adapter.simulate.sync(); note('Sync started.'); }}>
            Sync
          </button>
          <button type="button" onClick={() => { adapter.simulate.syncFailed(); note('Sync failed.', 'error'); }}>
            Fail sync
          </button>
        </div>
      </fieldset>

      <div className="sb-server-group">
        <h3 className="sb-server-subtitle" id={field('log')}>
          Server log
        </h3>
        <div className="sb-server-log" aria-labelledby={field('log')} role="log">
          {log.map((entry) => (
            <p key={entry.id} data-tone={entry.tone}>
              {entry.text}
            </p>
          ))}
        </div>
      </div>
    </section>
  );
}
