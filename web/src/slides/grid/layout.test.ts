import { describe, expect, it } from 'vitest';
import { type Box, DOT_RADIUS, PLOT, PLOT_BOTTOM, PLOT_RIGHT, placeLabels, plotLength, plotPoint, VIEW } from './layout';

const SIZE = 18;
const bounds: Box = { left: PLOT.left, top: 0, right: 490, bottom: PLOT_BOTTOM };

/** A label's box as placeLabels reckons it, from where its text starts. */
function boxOf(label: ReturnType<typeof placeLabels>[number], text: string): Box {
  const width = text.length * SIZE * 0.56;
  const left = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2;
  const top = label.y - SIZE * 0.8;
  return { left, top, right: left + width, bottom: top + SIZE * 1.05 };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the grid plot', () => {
  it('puts 0 at the bottom left and the top of the scales at the top right, in a square inside the drawing', () => {
    expect(plotPoint(0, 0, 10)).toEqual({ cx: PLOT.left, cy: PLOT_BOTTOM });
    expect(plotPoint(10, 10, 10)).toEqual({ cx: PLOT_RIGHT, cy: PLOT.top });
    expect(plotPoint(5, 5, 10)).toEqual({ cx: PLOT.left + PLOT.size / 2, cy: PLOT.top + PLOT.size / 2 });
    expect(plotLength(25, 100)).toBe(PLOT.size / 4);
    expect(PLOT_BOTTOM).toBeLessThan(VIEW.height);
  });
});

describe('placeLabels', () => {
  it('puts a lone label to the right of its dot', () => {
    const [label] = placeLabels([{ id: 'a', cx: 200, cy: 200, text: 'Cykelbana' }], SIZE, bounds);
    expect(label).toMatchObject({ id: 'a', anchor: 'start', leader: null });
    expect(label!.x).toBeGreaterThan(200 + DOT_RADIUS);
  });

  it('turns a label at the right edge to the left of its dot, to stay in the plot', () => {
    const [label] = placeLabels([{ id: 'a', cx: PLOT_RIGHT - 5, cy: 200, text: 'En ganska lång etikett här' }], SIZE, bounds);
    expect(label?.anchor).toBe('end');
  });

  it('keeps the labels of dots close together off each other and off the dots, the same way every time', () => {
    const marks = [
      { id: 'a', cx: 250, cy: 200, text: 'Cykelbana' },
      { id: 'b', cx: 256, cy: 204, text: 'Ny skola' },
      { id: 'c', cx: 250, cy: 210, text: 'Badhus' },
      { id: 'd', cx: 262, cy: 196, text: 'Park' },
    ];
    const labels = placeLabels(marks, SIZE, bounds);
    const boxes = labels.map((label, index) => boxOf(label, marks[index]!.text));
    for (const [i, box] of boxes.entries()) {
      for (const [j, other] of boxes.entries()) if (i !== j) expect(overlaps(box, other)).toBe(false);
      for (const { cx, cy } of marks) {
        expect(overlaps(box, { left: cx - DOT_RADIUS, top: cy - DOT_RADIUS, right: cx + DOT_RADIUS, bottom: cy + DOT_RADIUS })).toBe(false);
      }
    }
    expect(placeLabels(marks, SIZE, bounds)).toEqual(labels);
  });

  it('draws a line to a label that had to move away from its dot', () => {
    const crowd = Array.from({ length: 8 }, (_, index) => ({
      id: `i${index}`,
      cx: 280 + (index % 2) * 4,
      cy: 180 + index * 3,
      text: `Alternativ ${index}`,
    }));
    const labels = placeLabels(crowd, SIZE, bounds);
    expect(labels.some((label) => label.leader !== null)).toBe(true);
    for (const label of labels.filter((l) => l.leader)) {
      const mark = crowd.find((m) => m.id === label.id)!;
      expect(label.leader).toMatchObject({ x1: mark.cx, y1: mark.cy });
    }
  });
});
