import { type Slide, isQuestionSlide } from '@ettor/protocol';
import { now, sleep } from '../clock.js';
import { addCount, countAnswer } from '../tally-keys.js';
import { simulatedAnswer, simulatedQuestion } from './answers.js';
import type {
  AskArgs,
  AskResult,
  CommandName,
  Commands,
  ConnectArgs,
  ConnectResult,
  EpochRecord,
  FromWorker,
  RoundArgs,
  RoundResult,
  SeqArgs,
  SeqResult,
  SlideTruth,
  SustainedArgs,
  SustainedResult,
  ToWorker,
  TruthResult,
  UpvoteArgs,
  UpvoteResult,
  WorkerInit,
  WorkerStats,
} from './messages.js';
import { type Held, Phone, type PhoneHub } from './phone.js';

/** Draws of a phone and a question before an upvote is given up: only a phone with a part in every question fails them all. */
const PAIR_DRAWS = 100;

/**
 * One simulator process: a share of the audience, each phone a real socket. The orchestrator drives it by
 * commands over IPC; it answers with raw timings, so percentiles are taken over the whole audience.
 */
class Worker implements PhoneHub {
  readonly transport;
  readonly url;
  readonly code;
  private readonly phones: Phone[] = [];
  private readonly slides = new Map<string, Slide>();
  private readonly joined = new Set<Phone>();
  private clientIds = 0;
  private readonly stats: WorkerStats = {
    joined: 0,
    reconnects: 0,
    closes: {},
    errors: {},
    pings: 0,
    pongs: 0,
    results: 0,
    resultsBytes: 0,
  };
  /** Hooks the running command sets; the hub calls them. */
  private welcomeHook: ((phone: Phone, at: number) => void) | undefined;
  private joinFailedHook: ((phone: Phone) => void) | undefined;
  private readonly arrivals = new Map<number, number[]>();

  constructor(private readonly init: WorkerInit) {
    this.transport = init.transport;
    this.url = init.url;
    this.code = init.code;
    for (const slide of init.slides) this.slides.set(slide.id, slide);
    for (let i = 0; i < init.count; i += 1) this.phones.push(new Phone(init.firstIndex + i, this));
    // One timer for every phone's heartbeat: thousands of per-phone timers would cost the simulator more than the server.
    setInterval(() => {
      const at = now();
      for (const phone of this.phones) phone.heartbeat(at);
    }, 1_000).unref();
  }

  // ---- hub ----
  onWelcome(phone: Phone, at: number): void {
    this.joined.add(phone);
    this.welcomeHook?.(phone, at);
  }
  onState(_phone: Phone, seq: number, at: number): void {
    let list = this.arrivals.get(seq);
    if (!list) {
      list = [];
      this.arrivals.set(seq, list);
      for (const old of this.arrivals.keys()) if (old < seq - 64) this.arrivals.delete(old);
    }
    list.push(at);
  }
  onJoinFailed(phone: Phone): void {
    this.joinFailedHook?.(phone);
  }
  onClose(phone: Phone, code: number): void {
    if (this.joined.delete(phone) && phone.active) this.stats.reconnects += 1;
    this.stats.closes[code] = (this.stats.closes[code] ?? 0) + 1;
  }
  onError(code: string): void {
    this.stats.errors[code] = (this.stats.errors[code] ?? 0) + 1;
  }
  onPong(): void {
    this.stats.pongs += 1;
  }
  onResults(bytes: number): void {
    this.stats.results += 1;
    this.stats.resultsBytes += bytes;
  }
  onPing(): void {
    this.stats.pings += 1;
  }

  private nextClientId(): string {
    this.clientIds += 1;
    return `w${this.init.workerIndex}-${this.clientIds.toString(36).padStart(8, '0')}`;
  }

  // ---- commands ----
  connect(args: ConnectArgs): Promise<ConnectResult> {
    const latencies: number[] = [];
    let failedAttempts = 0;
    let next = 0;
    let inFlight = 0;
    const starting = new Set<Phone>();
    const firstAt = now();
    let lastWelcomeAt = firstAt;
    const deadline = firstAt + args.timeoutMs;
    return new Promise((resolve) => {
      const pump = () => {
        while (inFlight < args.concurrency && next < this.phones.length) {
          const phone = this.phones[next] as Phone;
          next += 1;
          inFlight += 1;
          starting.add(phone);
          phone.connect();
        }
        if (this.joined.size === this.phones.length || now() > deadline) finish();
      };
      // A phone whose join failed retries on its own back-off, outside the concurrency window.
      const release = (phone: Phone) => {
        if (starting.delete(phone)) inFlight -= 1;
      };
      this.welcomeHook = (phone, at) => {
        latencies.push(at - phone.connectStartedAt);
        lastWelcomeAt = at;
        release(phone);
        pump();
      };
      this.joinFailedHook = (phone) => {
        failedAttempts += 1;
        release(phone);
        pump();
      };
      const timer = setInterval(pump, 200);
      const finish = () => {
        clearInterval(timer);
        this.welcomeHook = undefined;
        this.joinFailedHook = undefined;
        this.stats.joined = this.joined.size;
        resolve({ joined: this.joined.size, failedAttempts, firstAt, lastWelcomeAt, joinLatencies: Float64Array.from(latencies) });
      };
      pump();
    });
  }

  async seq(args: SeqArgs): Promise<SeqResult> {
    const deadline = now() + args.timeoutMs;
    const behind = () => {
      let count = 0;
      // Only phones in the room can be behind; one between connections learns the state from its next welcome.
      for (const phone of this.phones) if (phone.joined && phone.highestSeq < args.seq) count += 1;
      return count;
    };
    while (behind() > 0 && now() < deadline) await sleep(20);
    return { arrivals: Float64Array.from(this.arrivals.get(args.seq) ?? []), missing: behind() };
  }

  async round(args: RoundArgs): Promise<RoundResult> {
    const slide = this.slides.get(args.slideId);
    if (!slide || !isQuestionSlide(slide)) throw new Error(`no question slide ${args.slideId}`);
    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    let sent = 0;
    let settled = 0;
    let lastAckAt = 0;
    const chosen = this.phones.filter((phone) => phone.active && Math.random() < args.share);
    for (const phone of chosen) {
      const answer = simulatedAnswer(slide, phone.index);
      const delay = Math.max(0, args.startAt + Math.random() * args.windowMs - now());
      setTimeout(() => {
        const sentAt = now();
        sent += 1;
        phone.answer(
          {
            clientId: this.nextClientId(),
            slideId: slide.id,
            answer,
            sentAt,
            onDone: (ackedAt, errorCode) => {
              settled += 1;
              if (ackedAt !== undefined) {
                latencies.push(ackedAt - sentAt);
                lastAckAt = Math.max(lastAckAt, ackedAt);
              } else if (errorCode) errors[errorCode] = (errors[errorCode] ?? 0) + 1;
            },
          },
          Math.random() < args.dupShare,
        );
        if (Math.random() < args.dropShare) phone.drop();
      }, delay);
    }
    const deadline = args.startAt + args.windowMs + args.timeoutMs;
    while ((sent < chosen.length || settled < sent) && now() < deadline) await sleep(10);
    return { sent, acked: latencies.length, unsettled: sent - settled, errors, lastAckAt, ackLatencies: Float64Array.from(latencies) };
  }

  async ask(args: AskArgs): Promise<AskResult> {
    const slide = this.slides.get(args.slideId);
    if (slide?.kind !== 'qa') throw new Error(`no Q&A slide ${args.slideId}`);
    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    const questionIds: string[] = [];
    let sent = 0;
    let settled = 0;
    const askers = sample(
      this.phones.filter((phone) => phone.active),
      args.count,
    );
    for (const phone of askers) {
      const { text, name } = simulatedQuestion(slide, phone.index);
      const delay = Math.max(0, args.startAt + Math.random() * args.windowMs - now());
      setTimeout(() => {
        const sentAt = now();
        sent += 1;
        phone.request(
          {
            message: { type: 'ask', clientId: this.nextClientId(), slideId: slide.id, text, ...(name === undefined ? {} : { name }) },
            slideId: slide.id,
            sends: 0,
            onDone: (confirmedAt, errorCode, questionId) => {
              settled += 1;
              if (confirmedAt !== undefined && questionId !== undefined) {
                latencies.push(confirmedAt - sentAt);
                questionIds.push(questionId);
              } else if (errorCode) errors[errorCode] = (errors[errorCode] ?? 0) + 1;
            },
          },
          Math.random() < args.dupShare,
        );
        if (Math.random() < args.dropShare) phone.drop();
      }, delay);
    }
    const deadline = args.startAt + args.windowMs + args.timeoutMs;
    while ((sent < askers.length || settled < sent) && now() < deadline) await sleep(10);
    return { sent, acked: latencies.length, unsettled: sent - settled, errors, ackLatencies: Float64Array.from(latencies), questionIds };
  }

  async upvote(args: UpvoteArgs): Promise<UpvoteResult> {
    const phones = this.phones.filter((phone) => phone.active);
    // Send times drawn uniformly over the window: on average the same rate throughout, with a real room's unevenness.
    const due = Float64Array.from({ length: args.count }, () => args.startAt + Math.random() * args.windowMs).sort();
    const questionIndex: number[] = [];
    const sentAt: number[] = [];
    const ackedAt: number[] = [];
    const errors: Record<string, number> = {};
    let next = 0;
    let settled = 0;
    let unpaired = 0;
    let confirmedOnResend = 0;
    const send = (phone: Phone, question: number, at: number) => {
      const index = sentAt.length;
      questionIndex.push(question);
      sentAt.push(at);
      ackedAt.push(Number.NaN);
      phone.request(
        {
          message: { type: 'upvote', clientId: this.nextClientId(), questionId: args.questionIds[question] as string, up: true },
          slideId: args.slideId,
          sends: 0,
          onDone: (confirmedAt, errorCode) => {
            settled += 1;
            if (confirmedAt !== undefined) {
              ackedAt[index] = confirmedAt;
              if (errorCode) confirmedOnResend += 1;
            } else if (errorCode) errors[errorCode] = (errors[errorCode] ?? 0) + 1;
          },
        },
        Math.random() < args.dupShare,
      );
      if (Math.random() < args.dropShare) phone.drop();
    };
    const tick = () => {
      const at = now();
      for (; next < due.length && (due[next] as number) <= at; next += 1) {
        const pair = pickPair(phones, args.questionIds);
        if (pair) send(pair.phone, pair.question, at);
        else unpaired += 1;
      }
    };
    const timer = setInterval(tick, 5);
    const endAt = args.startAt + args.windowMs;
    while (now() < endAt) await sleep(50);
    clearInterval(timer);
    tick();
    const deadline = endAt + args.graceMs;
    while (settled < sentAt.length && now() < deadline) await sleep(10);
    return {
      sent: sentAt.length,
      acked: ackedAt.filter((value) => !Number.isNaN(value)).length,
      unsettled: sentAt.length - settled,
      unpaired,
      errors,
      confirmedOnResend,
      questionIndex: Float64Array.from(questionIndex),
      sentAt: Float64Array.from(sentAt),
      ackedAt: Float64Array.from(ackedAt),
    };
  }

  async sustained(args: SustainedArgs): Promise<SustainedResult> {
    const phones = this.phones.filter((phone) => phone.joined);
    const slideCount = args.slides.length;
    const epochs: EpochRecord[] = [];
    const answerEpoch: number[] = [];
    const answerSlide: number[] = [];
    const sentAt: number[] = [];
    const ackedAt: number[] = [];
    const errors: Record<string, number> = {};
    let sent = 0;
    let settled = 0;
    let starved = 0;
    let epoch = -1;
    let cursor = 0;
    const endAt = args.startAt + args.durationMs;
    const targetOf = (e: number, s: number) => e % (args.slides[s]?.optionIds.length ?? 1);
    // The slides are single choice: a phone is on the one option its held answer picks.
    const isOn = (held: Held | undefined, optionId: string | undefined) =>
      held?.answer.kind === 'choice' && held.answer.optionIds[0] === optionId;
    const eligible = (phone: Phone, s: number, e: number): boolean => {
      const slide = args.slides[s];
      if (!slide || phone.inFlight.has(slide.id) || !phone.joined) return false;
      const held = phone.held.get(slide.id);
      // Only phones on the option two ahead (or on none) may move: see SustainedArgs.
      return held === undefined || isOn(held, slide.optionIds[(e + 2) % slide.optionIds.length]);
    };
    const send = (phone: Phone, s: number, e: number, at: number) => {
      const slide = args.slides[s] as { id: string; optionIds: string[] };
      const option = targetOf(e, s);
      const index = sentAt.length;
      answerEpoch.push(e);
      answerSlide.push(s);
      sentAt.push(at);
      ackedAt.push(Number.NaN);
      sent += 1;
      phone.answer({
        clientId: this.nextClientId(),
        slideId: slide.id,
        answer: { kind: 'choice', optionIds: [slide.optionIds[option] as string] },
        sentAt: at,
        onDone: (acked, errorCode) => {
          settled += 1;
          if (acked !== undefined) ackedAt[index] = acked;
          else if (errorCode) errors[errorCode] = (errors[errorCode] ?? 0) + 1;
        },
      });
    };
    const pairs = phones.length * slideCount;
    const tick = () => {
      const t = now();
      if (t < args.startAt) return;
      const e = Math.floor((t - args.epochOrigin) / args.epochMs);
      if (e !== epoch) {
        epoch = e;
        for (let s = 0; s < slideCount; s += 1) {
          const id = args.slides[s]?.id ?? '';
          const target = args.slides[s]?.optionIds[targetOf(e, s)];
          let base = 0;
          for (const phone of this.phones) if (isOn(phone.held.get(id), target) && !phone.inFlight.has(id)) base += 1;
          epochs.push({ epoch: e, slide: s, base });
        }
      }
      const due = Math.min(Math.floor(((Math.min(t, endAt) - args.startAt) * args.rate) / 1000) - sent - starved, 5000);
      for (let i = 0; i < due; i += 1) {
        let found = false;
        for (let tries = 0; tries < pairs; tries += 1) {
          cursor = (cursor + 1) % pairs;
          const phone = phones[Math.floor(cursor / slideCount)] as Phone;
          const s = cursor % slideCount;
          if (eligible(phone, s, e)) {
            send(phone, s, e, t);
            found = true;
            break;
          }
        }
        if (!found) {
          starved += due - i;
          break;
        }
      }
    };
    const timer = setInterval(tick, 2);
    while (now() < endAt) await sleep(50);
    tick();
    clearInterval(timer);
    const deadline = endAt + args.graceMs;
    while (settled < sent && now() < deadline) await sleep(10);
    return {
      sent,
      acked: ackedAt.filter((value) => !Number.isNaN(value)).length,
      unsettled: sent - settled,
      starved,
      errors,
      epochs,
      answerEpoch: Float64Array.from(answerEpoch),
      answerSlide: Float64Array.from(answerSlide),
      sentAt: Float64Array.from(sentAt),
      ackedAt: Float64Array.from(ackedAt),
    };
  }

  async truth(args: { settleMs: number }): Promise<TruthResult> {
    const deadline = now() + args.settleMs;
    const pending = () => this.phones.reduce((sum, phone) => sum + (phone.active ? phone.pending.size + phone.pendingQa.size : 0), 0);
    while (pending() > 0 && now() < deadline) await sleep(20);
    const slides: Record<string, SlideTruth> = {};
    for (const slide of this.init.slides) {
      if (slide.kind === 'qa') slides[slide.id] = this.qaTruth(slide.id);
      if (!isQuestionSlide(slide)) continue;
      const truth: SlideTruth = { respondents: 0, counts: new Map(), clientIds: [], pendingClientIds: [] };
      for (const phone of this.phones) {
        for (const pending of phone.pending.values()) if (pending.slideId === slide.id) truth.pendingClientIds.push(pending.clientId);
        const held = phone.held.get(slide.id);
        if (!held) continue;
        truth.respondents += 1;
        truth.clientIds.push(held.clientId);
        countAnswer(truth.counts, held.answer);
      }
      slides[slide.id] = truth;
    }
    return { slides, pending: pending() };
  }

  /** On a Q&A the phones hold questions they asked and upvotes they gave, not answers. */
  private qaTruth(slideId: string): SlideTruth {
    const truth: SlideTruth = { respondents: 0, counts: new Map(), clientIds: [], pendingClientIds: [] };
    for (const phone of this.phones) {
      let asked = false;
      for (const [questionId, question] of phone.asked) {
        if (question.slideId !== slideId) continue;
        asked = true;
        truth.clientIds.push(question.clientId);
        addCount(truth.counts, questionId, 0);
      }
      if (asked) truth.respondents += 1;
      for (const [questionId, upvotedOn] of phone.upvoted) if (upvotedOn === slideId) addCount(truth.counts, questionId, 1);
      for (const { message, slideId: on } of phone.pendingQa.values()) {
        if (on === slideId && message.type === 'ask') truth.pendingClientIds.push(message.clientId);
      }
    }
    return truth;
  }

  async close(): Promise<{ closed: number }> {
    for (const phone of this.phones) phone.stop();
    // Let the close frames leave before the process goes.
    await sleep(300);
    return { closed: this.phones.length };
  }

  workerStats(): WorkerStats {
    return { ...this.stats, joined: this.joined.size };
  }
}

/** `count` of the items drawn at random, each at most once. */
function sample<T>(items: T[], count: number): T[] {
  const pool = [...items];
  const drawn = Math.min(count, pool.length);
  for (let i = 0; i < drawn; i += 1) {
    const j = i + Math.floor(Math.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, drawn);
}

/** A random phone and a random question it has no part in yet, or undefined when PAIR_DRAWS draws found none. */
function pickPair(phones: Phone[], questionIds: string[]): { phone: Phone; question: number } | undefined {
  for (let draw = 0; draw < PAIR_DRAWS; draw += 1) {
    const phone = phones[Math.floor(Math.random() * phones.length)];
    const question = Math.floor(Math.random() * questionIds.length);
    if (phone && !phone.hasPart(questionIds[question] as string)) return { phone, question };
  }
  return undefined;
}

let worker: Worker | undefined;

async function dispatch(command: CommandName, args: unknown): Promise<Commands[CommandName][1]> {
  if (!worker) throw new Error('worker not initialised');
  switch (command) {
    case 'connect':
      return worker.connect(args as ConnectArgs);
    case 'seq':
      return worker.seq(args as SeqArgs);
    case 'round':
      return worker.round(args as RoundArgs);
    case 'ask':
      return worker.ask(args as AskArgs);
    case 'upvote':
      return worker.upvote(args as UpvoteArgs);
    case 'sustained':
      return worker.sustained(args as SustainedArgs);
    case 'truth':
      return worker.truth(args as { settleMs: number });
    case 'stats':
      return worker.workerStats();
    case 'close':
      return worker.close();
  }
}

const reply = (message: FromWorker) => process.send?.(message);

process.on('message', (message: ToWorker) => {
  if (message.kind === 'init') {
    worker = new Worker(message.init);
    reply({ kind: 'ready' });
    return;
  }
  dispatch(message.command, message.args).then(
    (result) => reply({ kind: 'reply', id: message.id, result }),
    (error: unknown) =>
      reply({ kind: 'reply', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
// A worker never outlives the orchestrator: when the IPC channel goes, so does every socket.
process.on('disconnect', () => process.exit(0));
