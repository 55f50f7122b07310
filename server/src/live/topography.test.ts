import type {
  ChoiceSlide,
  Presentation,
  ScaleSlide,
  ServerMessage,
  SessionInfo,
  TopographyResults,
  TopographySlide,
} from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

type TopographyMessage = ServerMessage & { type: 'results'; results: TopographyResults };

const topographyOf =
  (slideId: string, done: (results: TopographyResults) => boolean = () => true) =>
  (m: ServerMessage): m is TopographyMessage =>
    m.type === 'results' && m.results.kind === 'topography' && m.results.slideId === slideId && done(m.results);

describe.each(dialects)('a topography on the live big screen, on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  let map: TopographySlide;
  let role: ChoiceSlide;
  let scale: ScaleSlide;
  const sockets: LiveClient[] = [];
  const track = (client: LiveClient) => {
    sockets.push(client);
    return client;
  };

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    const [summary] = (await presenter.get('/api/presentations')).body;
    // k = 3, so that eight people make a map with both shown and hidden cells.
    deck = (await presenter.patch(`/api/presentations/${summary.id}`, { anonymityThreshold: 3 })).body;
    map = deck.slides.find((s) => s.kind === 'topography') as TopographySlide;
    role = deck.slides.find((s) => s.id === map.segmentBy) as ChoiceSlide;
    scale = deck.slides.find((s) => s.id === map.scaleSlideId) as ScaleSlide;
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  it.skipIf(dialect.skipReason)(
    'fills as the room answers its two questions, with the k rule, on the screen, the phones and the report',
    async () => {
      const screen = track(await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader));
      screen.send({ type: 'goto', slideId: map.id });
      const empty = await screen.waitFor(topographyOf(map.id));
      expect(empty.results).toMatchObject({ unavailable: null, threshold: 3, respondents: 0, scaleQuestion: scale.question });
      expect(empty.results.rows.map((row) => row.optionId)).toEqual([...role.options.map((o) => o.id), null]);
      expect(empty.results.columns.map((column) => column.statementId)).toEqual(scale.statements.map((s) => s.id));

      // Four in the first role rate the first statement 2..5; three in the second and one in the third rate it 1.
      const [first, second, third] = role.options;
      const people = [
        ...[2, 3, 4, 5].map((rating) => ({ optionId: first?.id ?? '', rating })),
        ...[1, 1, 1].map((rating) => ({ optionId: second?.id ?? '', rating })),
        { optionId: third?.id ?? '', rating: 1 },
      ];
      const phones = await Promise.all(people.map(async () => track(await LiveClient.join(server.wsUrl, session.code))));
      await Promise.all(
        phones.map(async (phone, index) => {
          const person = people[index];
          if (!person) return;
          expect((await phone.answer(role.id, { kind: 'choice', optionIds: [person.optionId] })).type).toBe('ack');
          const rating = { statementId: scale.statements[0]?.id, value: person.rating };
          expect((await phone.answer(scale.id, { kind: 'scale', ratings: [rating] })).type).toBe('ack');
        }),
      );

      const filled = await screen.waitFor(topographyOf(map.id, (results) => results.respondents === people.length));
      const [shown, hiddenByComplement, hiddenSmall, emptyRow, notGiven] = filled.results.rows;
      expect(shown?.cells[0]).toEqual({ n: 4, mean: 3.5, sd: expect.closeTo(Math.sqrt(1.25), 10) as unknown, hidden: false });
      // One person alone is hidden, and so is the next smallest group, or the total would give that person away.
      expect(hiddenSmall?.cells[0]).toEqual({ n: 0, mean: null, sd: null, hidden: true });
      expect(hiddenByComplement?.cells[0]).toEqual({ n: 0, mean: null, sd: null, hidden: true });
      expect(emptyRow?.cells[0]).toMatchObject({ n: 0, hidden: false });
      expect(notGiven?.cells[0]).toMatchObject({ n: 0, hidden: false });
      expect(filled.results.columns[0]?.total).toMatchObject({ n: 8, mean: 18 / 8, hidden: false });
      // A statement no one rated has fewer than k ratings in all, and no cell to hide.
      expect(filled.results.columns[1]?.total).toEqual({ n: 0, mean: null, sd: null, hidden: true });
      // Its cells are empty, but for the rows withheld as a whole, which withhold every cell.
      expect(filled.results.rows.map((row) => [row.hidden, row.cells[1]?.hidden, row.cells[1]?.n])).toEqual([
        [false, false, 0],
        [true, true, 0],
        [true, true, 0],
        [false, false, 0],
        [false, false, 0],
      ]);

      // Phones see the map too, with the same numbers.
      const onPhone = await phones[0]?.waitFor(topographyOf(map.id, (results) => results.respondents === people.length));
      expect(onPhone?.results).toEqual(filled.results);

      // The results page shows the same map, and so does a screen that joins later.
      const report = await presenter.get(`/api/sessions/${session.id}/report`);
      expect(report.body.slides.find((s: { slideId: string }) => s.slideId === map.id)).toEqual({
        slideId: map.id,
        kind: 'topography',
        title: map.heading,
        results: filled.results,
        segments: null,
      });
      const late = track(await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader));
      expect((await late.waitFor(topographyOf(map.id))).results).toEqual(filled.results);
    },
  );
});
