/**
 * Test helpers for the dialog: a store in a temp dir, the real knowledge and forms, a small answerer
 * double (the real answerer has its own tests; integration tests use it too), and a chat driver that
 * sends messages as one user and returns what that user sees.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerRequest, AnswerResult, Answerer } from '../../src/answers/types.js';
import { loadConfig, type ChannelName, type Config } from '../../src/config.js';
import { BOT_COMMANDS } from '../../src/bot-commands.js';
import { createCore, type CoreDeps } from '../../src/dialog/core.js';
import type { Core, Inbound, Outbound } from '../../src/dialog/types.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/loader.js';
import { silentLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/db.js';
import { fold } from '../../src/text/normalize.js';

export function tempDir(prefix = 'thidua-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let knowledge: Knowledge | undefined;
export function realKnowledge(): Knowledge {
  return (knowledge ??= loadKnowledge());
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ TZ: 'Asia/Ho_Chi_Minh', LOG_LEVEL: 'silent', ...env });
}

/** Words that make the double recognise a question about the plans (the real answerer has intents). */
const TOPICS = ['tieu chi', 'han', 'khen thuong', 'kinh phi', 'giai doan', 'trach nhiem', 'can cu', 'thi dua', 'ke hoach', 'bao cao', 'cap xa'];

/**
 * An answerer double: "thời tiết" → not_found; "hạn nộp" without a plan → clarify over every plan;
 * a text naming a topic of the plans or ending with "?" → an answer naming the plan it was answered
 * for; anything else ("2", "nhiều lắm") → not_found, as the real answerer does.
 */
export class FakeAnswerer implements Answerer {
  readonly requests: AnswerRequest[] = [];
  constructor(private readonly k: Knowledge = realKnowledge()) {}
  answer(request: AnswerRequest): AnswerResult {
    this.requests.push(request);
    const q = fold(request.text);
    if (q.includes('thoi tiet')) {
      return { status: 'not_found', intent: 'unknown', text: 'Không tìm thấy thông tin này trong các kế hoạch.', sources: [] };
    }
    if (q.includes('han nop') && !request.planId) {
      return {
        status: 'clarify',
        intent: 'deadlines',
        text: 'Bạn hỏi về kế hoạch nào?',
        sources: [],
        options: this.k.plans.map((p) => ({ id: `p:${p.id}`, label: `${p.locality.name}: ${p.shortName}`, planId: p.id })),
      };
    }
    const known = request.text.trim().endsWith('?') || TOPICS.some((t) => ` ${q} `.includes(` ${t} `));
    if (!known) return { status: 'not_found', intent: 'unknown', text: `Không tìm thấy trong các kế hoạch: ${request.text}`, sources: [] };
    const plan = request.planId ?? 'không rõ';
    return { status: 'answer', intent: 'deadlines', text: `Trả lời (kế hoạch ${plan}): ${request.text}`, sources: [] };
  }
}

export interface Harness {
  store: Store;
  core: Core;
  config: Config;
  answerer: Answerer;
  dbPath: string;
  /** Moves the injected clock. */
  clock: { now: Date };
  /** Opens a new store and core on the same file (a restart). */
  restart(): void;
  cleanup(): void;
}

export function harness(opts: { answerer?: Answerer; env?: Record<string, string>; start?: Date; deps?: Partial<CoreDeps> } = {}): Harness {
  const tmp = tempDir();
  const dbPath = join(tmp.dir, 'db', 'thidua.sqlite');
  const config = testConfig(opts.env);
  const answerer = opts.answerer ?? new FakeAnswerer();
  const clock = { now: opts.start ?? new Date('2025-11-20T03:00:00Z') };
  const make = (store: Store) =>
    createCore({ store, knowledge: realKnowledge(), answerer, config, logger: silentLogger(), now: () => clock.now, commands: BOT_COMMANDS, ...opts.deps });
  const h: Harness = {
    store: openStore(dbPath),
    core: undefined as unknown as Core,
    config,
    answerer,
    dbPath,
    clock,
    restart() {
      h.store.close();
      h.store = openStore(dbPath);
      h.core = make(h.store);
    },
    cleanup() {
      h.store.close();
      tmp.cleanup();
    },
  };
  h.core = make(h.store);
  return h;
}

let nextUpdate = 1;

/** One user talking to the core: `say` types a text, `press` presses a button; both return the replies. */
export class ChatUser {
  constructor(
    private readonly h: { core: Core },
    readonly userId: string,
    readonly opts: { channel?: ChannelName; chatId?: string; chatType?: 'private' | 'group'; displayName?: string } = {},
  ) {}

  inbound(part: { text?: string; action?: string }, updateId = `u${nextUpdate++}`): Inbound {
    return {
      channel: this.opts.channel ?? 'telegram',
      userId: this.userId,
      chatId: this.opts.chatId ?? this.userId,
      chatType: this.opts.chatType ?? 'private',
      displayName: this.opts.displayName,
      updateId,
      ...part,
    };
  }

  say(text: string): Promise<Outbound[]> {
    return this.h.core.handle(this.inbound({ text }));
  }

  press(action: string): Promise<Outbound[]> {
    return this.h.core.handle(this.inbound({ action }));
  }

  /** Says each line in turn and returns the replies to the last one. */
  async sayAll(lines: readonly string[]): Promise<Outbound[]> {
    let last: Outbound[] = [];
    for (const l of lines) last = await this.say(l);
    return last;
  }
}

/** Everything the user sees in a list of replies, as one text (choices as "[label]"). */
export function seen(replies: readonly Outbound[]): string {
  return replies
    .map((r) => [r.text, ...(r.choices ?? []).map((c) => `[${c.label}]`)].join('\n'))
    .join('\n---\n');
}

/** The answers of the registration, typed. */
export const REGISTRATION = ['Nguyễn Thị Lan', 'UBND xã An Nhơn Tây', '4', 'Phó Chủ tịch UBND xã', '0912 345 678'];
/** A complete report, typed (year, activities, trainees, 5 counts, 3 texts). */
export const REPORT = [
  '2025',
  'Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền',
  '120 người',
  '12',
  'bỏ qua',
  'mười hai',
  '-',
  '2',
  'Mô hình “Gia đình học tập 4.0”',
  'bo qua',
  'Đề nghị tặng Giấy khen cho 2 tập thể',
];
