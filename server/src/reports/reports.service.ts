import {
  type ExportFormat,
  type QuizSlide,
  type ReactionCounts,
  type Score,
  type ResultSlide,
  type Results,
  type Segment,
  type SessionReport,
  type SessionSummary,
  type SharedReport,
  type Slide,
  hasResults,
  isQuestionSlide,
  slideTitle,
  splitsBySegment,
  withoutNotes,
} from '@ettor/protocol';
import { type Clock, systemClock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { LiveSessionRow, PresentationRow } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import * as presentationsRepo from '../presentations/presentations.repository.js';
import * as qaRepo from '../qa/qa.repository.js';
import * as reactionsRepo from '../reactions/reactions.repository.js';
import { currentAnswers } from '../results/answers.js';
import { NO_PLAY, type QuizPlay, derivedNeeds, derivedResults } from '../results/derived.js';
import { type QuizOutcome, quizStandings } from '../results/quiz-scores.js';
import type { StoredQuestion } from '../results/qa.js';
import { type ReportAnswer, type SessionWords, buildLiveSegments, buildSlideReports } from '../results/report.js';
import * as sessionsRepo from '../sessions/sessions.repository.js';
import { CONTENT_TYPES, attachmentHeader, writeCsv, writeXlsx } from './export-files.js';
import { buildExportModel } from './export-model.js';
import { withoutHidden } from './shared-report.js';
import * as repo from './reports.repository.js';

export type ReportsService = ReturnType<typeof createReportsService>;

/** A session's results as a file: its bytes and the headers that go with them. */
export interface ExportFile {
  contentType: string;
  contentDisposition: string;
  bytes: Buffer;
}

/** What one report is built from, read in one snapshot. */
interface ReportRead {
  deck: PresentationRow;
  summary: SessionSummary;
  slides: Slide[];
  answers: ReportAnswer[];
  words: SessionWords;
  questions: StoredQuestion[];
  reactions: Map<string, ReactionCounts>;
  play: QuizPlay;
}

/** Results that outlive the talk: a deck's sessions, and a session's results with the deck's anonymity threshold. */
export function createReportsService(deps: { db: Db; clock?: Clock }) {
  const { db } = deps;
  const clock = deps.clock ?? systemClock;

  /** A session's answers and deck, when `mayRead` allows its session; otherwise the session is reported as missing. */
  async function read(sessionId: string, mayRead: (session: LiveSessionRow) => boolean): Promise<ReportRead> {
    // One snapshot, so the counts in the summary agree with the results while answers are still arriving.
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const session = await sessionsRepo.findSession(trx, sessionId);
        if (!session || !mayRead(session)) throw new AppError('not_found', 'There is no such session.');
        const deck = await presentationsRepo.findPresentation(trx, session.presentation_id);
        const [summary] = await repo.listSessionSummaries(trx, { sessionId });
        // A session's deck is deleted with it, so both are there whenever the session is.
        if (!deck || !summary) throw new AppError('not_found', 'There is no such session.');
        return {
          deck,
          summary,
          slides: await presentationsRepo.listSlides(trx, deck.id),
          answers: await repo.listCurrentAnswers(trx, sessionId),
          words: await repo.readSessionWords(trx, sessionId, deck),
          questions: await qaRepo.listQuestions(trx, sessionId),
          reactions: await reactionsRepo.readSessionTotals(trx, sessionId),
          play: await repo.readQuizPlay(trx, sessionId),
        };
      });
  }

  /** The report of what was read: the one place results are counted, for the API, the exports and share links. */
  function build(read: ReportRead, segmentBy: string | null): SessionReport {
    const threshold = read.deck.anonymity_threshold;
    const built = buildSlideReports({
      slides: read.slides,
      answers: read.answers,
      words: read.words,
      segmentBy,
      threshold,
      questions: read.questions,
      play: read.play,
    });
    if (!built.ok) throw AppError.from(built.problem);
    return {
      session: read.summary,
      presentationTitle: read.deck.title,
      anonymityThreshold: threshold,
      segmentBy: built.segmentBy,
      slides: built.slides,
      reactions: read.slides.flatMap((slide) => {
        const counts = read.reactions.get(slide.id);
        return counts ? [{ slideId: slide.id, title: slideTitle(slide), counts }] : [];
      }),
    };
  }

  /** A live session's deck and slides as they are now, for the results its room counts from the store; undefined when gone. */
  async function liveDeck(sessionId: string): Promise<{ deck: PresentationRow; slides: Slide[] } | undefined> {
    const session = await sessionsRepo.findSession(db, sessionId);
    const deck = session && (await presentationsRepo.findPresentation(db, session.presentation_id));
    return deck ? { deck, slides: await presentationsRepo.listSlides(db, deck.id) } : undefined;
  }

  /**
   * What a slide shown live is counted from: its own answers, or those of the slides it draws on, with those of `alsoFrom`;
   * a Q&A's questions; the quiz play, when it needs it.
   */
  async function liveSource(
    sessionId: string,
    slide: ResultSlide,
    deck: readonly Slide[],
    alsoFrom: readonly string[],
  ): Promise<{ answers: ReportAnswer[]; questions: StoredQuestion[]; play: QuizPlay }> {
    const needs = isQuestionSlide(slide) ? { answersFrom: [slide.id], play: false } : derivedNeeds(slide, deck);
    const answersFrom = [...needs.answersFrom, ...alsoFrom];
    return {
      answers: answersFrom.length === 0 ? [] : await repo.listCurrentAnswers(db, sessionId, answersFrom),
      questions: isQuestionSlide(slide) ? [] : await qaRepo.listQuestions(db, sessionId, slide.id),
      play: needs.play ? await repo.readQuizPlay(db, sessionId) : NO_PLAY,
    };
  }

  const ownedBy = (userId: string) => (session: LiveSessionRow) => session.owner_id === userId;

  return {
    /** Every session of a deck the user owns, live and ended; someone else's deck is reported as missing. */
    async listSessions(userId: string, presentationId: string): Promise<SessionSummary[]> {
      const deck = await presentationsRepo.findPresentation(db, presentationId);
      if (!deck || deck.owner_id !== userId) throw new AppError('not_found', 'There is no such presentation.');
      return repo.listSessionSummaries(db, { presentationId });
    },

    /** A session's report, live or ended; `segmentBy` names a single-choice question to split every result by. */
    async report(userId: string, sessionId: string, segmentBy: string | null): Promise<SessionReport> {
      return build(await read(sessionId, ownedBy(userId)), segmentBy);
    },

    /**
     * The report as a share link shows it, to anyone with the link: what the presenter hid during the talk
     * (open answers, words) is left out. The caller has checked the link.
     */
    async sharedReport(sessionId: string, segmentBy: string | null): Promise<SharedReport> {
      const source = await read(sessionId, () => true);
      const questions = source.slides.filter(hasResults).map(withoutNotes);
      return { ...withoutHidden(build(source, segmentBy)), questions };
    },

    /**
     * The live results of a slide without answers of its own (a topography, a Q&A), counted from the store so that
     * every node agrees; undefined for any other slide. The live channel has checked who may see them.
     */
    async derivedResults(sessionId: string, slideId: string): Promise<Results | undefined> {
      const found = await liveDeck(sessionId);
      const slide = found?.slides.find((candidate) => candidate.id === slideId);
      if (!found || !slide || !hasResults(slide) || isQuestionSlide(slide)) return undefined;
      const { answers, questions, play } = await liveSource(sessionId, slide, found.slides, []);
      return derivedResults({
        slide,
        deck: found.slides,
        answers,
        threshold: found.deck.anonymity_threshold,
        questions,
        ...play,
        live: true,
      });
    },

    /**
     * Every player's quiz score and place as of a slide (the quizzes up to it), for their phones; the quiz shown, when it
     * is one, is the last one they hear about, with its right answers. Undefined when the session or slide is gone.
     */
    async scores(sessionId: string, slideId: string): Promise<{ byPlayer: Map<string, Score>; nobody: Score } | undefined> {
      const found = await liveDeck(sessionId);
      const index = found?.slides.findIndex((slide) => slide.id === slideId) ?? -1;
      if (!found || index < 0) return undefined;
      const quizzes = found.slides.slice(0, index + 1).filter((slide): slide is QuizSlide => slide.kind === 'quiz');
      const shown = found.slides[index];
      const last = shown?.kind === 'quiz' ? shown : null;
      const answers =
        quizzes.length === 0
          ? []
          : await repo.listCurrentAnswers(
              db,
              sessionId,
              quizzes.map((quiz) => quiz.id),
            );
      const standings = quizStandings(quizzes, currentAnswers(answers), await repo.readQuizClock(db, sessionId));
      const lastOf = (outcome: QuizOutcome | undefined): Score['last'] =>
        last && {
          slideId: last.id,
          answered: outcome !== undefined,
          correct: outcome?.correct ?? false,
          points: outcome?.points ?? 0,
          correctOptionIds: last.correct,
        };
      const players = standings.length;
      return {
        byPlayer: new Map(
          standings.map(({ participantId, total, rank, outcomes }) => [
            participantId,
            { total, rank, players, last: lastOf(last ? outcomes.get(last.id) : undefined) },
          ]),
        ),
        nobody: { total: 0, rank: null, players, last: lastOf(undefined) },
      };
    },

    /**
     * A slide's live results per group of a single-choice question (a question's, a Q&A's, a leaderboard's), k applied as
     * in a report; undefined when the slide or the split question is gone or cannot be split so. The live channel has
     * checked who may see them.
     */
    async liveSegments(sessionId: string, slideId: string, splitBy: string): Promise<Segment[] | undefined> {
      const found = await liveDeck(sessionId);
      const slide = found?.slides.find((candidate) => candidate.id === slideId);
      if (!found || !slide || !splitsBySegment(slide)) return undefined;
      const { deck, slides } = found;
      const segments = buildLiveSegments(
        {
          slides,
          ...(await liveSource(sessionId, slide, slides, [splitBy])),
          words: await repo.readSessionWords(db, sessionId, deck),
          segmentBy: splitBy,
          threshold: deck.anonymity_threshold,
        },
        slideId,
      );
      return segments ?? undefined;
    },

    /** A session's results as CSV or XLSX, from the same report; XLSX adds the responses unless the deck is strict. */
    async exportReport(userId: string, sessionId: string, format: ExportFormat, segmentBy: string | null): Promise<ExportFile> {
      const source = await read(sessionId, ownedBy(userId));
      const report = build(source, segmentBy);
      const exportedAt = clock.now();
      const model = buildExportModel({
        report,
        slides: source.slides,
        answers: source.answers,
        words: source.words,
        strictAnonymity: source.deck.strict_anonymity === 1,
        // The CSV is aggregates only; the responses are a sheet of the workbook.
        includeResponses: format === 'xlsx' && source.deck.strict_anonymity !== 1,
        exportedAt: exportedAt.toISOString(),
      });
      return {
        contentType: CONTENT_TYPES[format],
        contentDisposition: attachmentHeader(report.presentationTitle, report.session.startedAt, format),
        bytes: format === 'csv' ? writeCsv(model) : await writeXlsx(model, { title: report.presentationTitle, created: exportedAt }),
      };
    },
  };
}
