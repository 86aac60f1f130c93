/**
 * The structure of one plan document (data/plans/<id>.json), validated at load.
 *
 * Convention: text copied from the document lives in fields named `quote` (a string) or `items`
 * (strings), verbatim apart from collapsed whitespace and removed markdown markers. A test proves each
 * of them occurs in data/sources/. Other string fields (`what`, `key`, …) are ours and may be written
 * freely; `label`/`heading` are the document's words too.
 */
import { z } from 'zod';

const nonEmpty = z.string().min(1);
/** A section id as cited to users: "III.1.d", "VII.2", "2.1"; pseudo-sections use words ("mo-dau"). */
export const sectionIdSchema = z.string().regex(/^[\p{L}\p{N}.-]+$/u, 'section id: letters, digits, dots, dashes');
/** ISO calendar date, "2024-03-27". */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ISO date YYYY-MM-DD');
const year = z.number().int().min(2000).max(2100);
const items = z.array(nonEmpty);

export interface SectionNode {
  /** Citation id, e.g. "III.1.d". */
  id: string;
  /** The heading line as written (without its number), or null for a body-only node. */
  heading: string | null;
  /** The body text as written (whitespace collapsed, line breaks kept), "" when the node is only a heading. */
  text: string;
  children: SectionNode[];
}

export const sectionNodeSchema: z.ZodType<SectionNode, SectionNode> = z.lazy(() =>
  z.object({
    id: sectionIdSchema,
    heading: z.string().nullable(),
    text: z.string(),
    children: z.array(sectionNodeSchema),
  }),
);

export const issuerLevels = ['province', 'district', 'office', 'union'] as const;

export const deadlineWhenSchema = z.discriminatedUnion('type', [
  /** Every year on day/month ("trước ngày 01 tháng 12 hàng năm"). */
  z.object({ type: z.literal('yearly'), day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) }),
  /** One fixed day ("trước ngày 20 tháng 11 năm 2024"). */
  z.object({ type: z.literal('date'), date: isoDate }),
  /** A quarter of a year ("quý III năm 2025"). */
  z.object({ type: z.literal('quarter'), quarter: z.number().int().min(1).max(4), year }),
  /** Some time in a year ("tổng kết vào năm 2030"). */
  z.object({ type: z.literal('year'), year }),
]);
export type DeadlineWhen = z.infer<typeof deadlineWhenSchema>;

export const deadlineKinds = ['report', 'plan', 'review', 'other'] as const;

export const planSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'plan id: lower-case letters, digits and dashes'),
  /** The source file under data/sources/ and, when a file holds several documents, the lines of this one (1-based, inclusive). */
  source: z.object({
    file: nonEmpty,
    fromLine: z.number().int().min(1),
    toLine: z.number().int().min(1),
  }),
  kind: z.enum(['ke-hoach', 'cong-van']),
  /** Short name shown in citations and choices, e.g. "Kế hoạch 62/KH-UBND (UBND tỉnh Thái Bình)". */
  shortName: nonEmpty,
  title: z.object({ quote: nonEmpty }),
  issuer: z.object({
    name: nonEmpty,
    level: z.enum(issuerLevels),
    /** The body above the issuer, e.g. "Liên đoàn Lao động tỉnh Thái Bình" for a union of a sector. */
    parent: z.string().nullable().default(null),
  }),
  /** As written ("62/KH-UBND"); null when the document leaves it blank. Never invented. */
  number: z.string().nullable(),
  date: isoDate.nullable(),
  locality: z.object({
    /** The name users know the plan by: "Thái Bình", "Củ Chi". */
    name: nonEmpty,
    province: nonEmpty,
    district: z.string().nullable().default(null),
  }),
  period: z.object({ from: year, to: year }),
  basis: z.array(
    z.object({
      /** "Quyết định", "Kế hoạch", "Công văn", "Văn bản", "Hướng dẫn", "Thông tư", "Kết luận", "Chỉ thị", … */
      type: nonEmpty,
      number: nonEmpty,
      date: isoDate.nullable(),
      issuer: z.string().nullable(),
      quote: nonEmpty,
    }),
  ),
  signer: z.object({
    name: z.string().nullable(),
    /** The capacity lines as written, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
    items: items,
  }),
  recipients: z.object({
    /** "Kính gửi" (letters). */
    to: items.default([]),
    /** "Nơi nhận" list, one item per line. */
    items: items.default([]),
    /** The label lines of that block as written ("Nơi nhận:", "Gửi bản điện tử:"). */
    labels: items.optional(),
  }),
  /**
   * The header block as written, one line per item ("Số: 62 /KH-UBND", "Thái Bình, ngày 27 tháng 3 năm 2024",
   * "KẾ HOẠCH", "Kính gửi: …"); the title is in `title`. `place` is the place of the date line ("Thái Bình").
   */
  header: z.object({ place: z.string().nullable(), items }).optional(),
  sections: z.array(sectionNodeSchema).min(1),
  criteria: z.array(
    z.object({
      /** Stable target-group key: cap-tinh, cap-huyen, cap-xa, so-ban-nganh, mttq-doan-the, ho-gia-dinh, doanh-nghiep, ca-nhan, doi-tuong-khac, … */
      key: z.string().regex(/^[a-z0-9-]+$/),
      /** The group as written ("Đối với cấp xã"). */
      label: nonEmpty,
      section: sectionIdSchema,
      items: items.min(1),
    }),
  ),
  awards: z.array(
    z.object({
      kind: z.enum(['hang-nam', 'so-ket-tong-ket']),
      label: nonEmpty,
      section: sectionIdSchema,
      /** For sơ kết / tổng kết: the periods named, e.g. [{kind:'so-ket', from:2023, to:2025}]. */
      periods: z.array(z.object({ kind: z.enum(['so-ket', 'tong-ket']), from: year, to: year })).default([]),
      /** Award forms as written ("Bằng khen của Thủ tướng Chính phủ"); empty when the plan names none. */
      items: items.default([]),
      /** Standards / how awards are decided, as written. */
      standards: items.default([]),
    }),
  ),
  deadlines: z.array(
    z.object({
      kind: z.enum(deadlineKinds),
      /** Our short description of what is due (Vietnamese). */
      what: nonEmpty,
      /** Who must send / do it, and to whom, in the document's words where it names them. */
      from: z.string().nullable(),
      to: z.string().nullable(),
      when: deadlineWhenSchema,
      section: sectionIdSchema,
      quote: nonEmpty,
    }),
  ),
  phases: z.array(
    z.object({ label: nonEmpty, from: year, to: year, section: sectionIdSchema, quote: nonEmpty }),
  ),
  responsibilities: z.array(z.object({ agency: nonEmpty, section: sectionIdSchema, items: items.min(1) })),
  funding: z.array(z.object({ section: sectionIdSchema, items: items.min(1) })),
  contents: z.array(z.object({ section: sectionIdSchema, items: items.min(1) })),
  purposes: z.array(z.object({ section: sectionIdSchema, items: items.min(1) })),
  /** "Đối tượng thi đua": who takes part, as written. */
  audience: z.array(z.object({ section: sectionIdSchema, items: items.min(1) })).optional(),
  /** "Mục tiêu thi đua". */
  goals: z.array(z.object({ section: sectionIdSchema, items: items.min(1) })).optional(),
  /** "Giải pháp thực hiện". */
  solutions: z.array(z.object({ section: sectionIdSchema, items: items.min(1) })).optional(),
  /** Documents cited in the body (outside the basis), e.g. "Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ". */
  references: z
    .array(
      z.object({
        type: nonEmpty,
        number: nonEmpty,
        date: isoDate.nullable(),
        issuer: z.string().nullable(),
        section: sectionIdSchema,
        quote: nonEmpty,
      }),
    )
    .optional(),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Criterion = Plan['criteria'][number];
export type Award = Plan['awards'][number];
export type Deadline = Plan['deadlines'][number];
export type Responsibility = Plan['responsibilities'][number];
export type Phase = Plan['phases'][number];
export type BasisRef = Plan['basis'][number];
/** A cited document in the body (see `references`). */
export type Reference = NonNullable<Plan['references']>[number];
/** A section with passages quoted from it (funding, contents, purposes, audience, goals, solutions). */
export type ItemsBlock = Plan['funding'][number];
