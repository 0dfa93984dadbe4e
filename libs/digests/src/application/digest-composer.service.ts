import { Injectable } from '@nestjs/common';
import { IsoWeek, SERVICE_TYPES } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { UserRepository } from '@enterpark/identity';
import { UnsubscribeLinks } from '@enterpark/mail';
import { ProblemStatistics } from '@enterpark/problems';
import { CalendarStatusService } from '@enterpark/tickets';
import { RankingsService } from '@enterpark/statistics';
import { calendarWarningSection } from '../domain/calendar-warning';
import { buildDeskDigest, mergeDeskQueues } from '../domain/desk-digest-view';
import { ComposedDigest, DigestBoard, DigestRecipient, recipientOf, ZoneDigestData } from '../domain/digest-content';
import { withInlineImagesAsDataUris } from '../domain/digest-preview';
import { DigestRecipientNotFoundError } from '../digests.errors';
import { DigestBody, SectionView } from '../domain/digest-view';
import { problemsSection } from '../domain/problems-section';
import { buildProvinceDigest } from '../domain/province-digest-view';
import { TtlCache } from '../domain/ttl-cache';
import { buildZoneDigest } from '../domain/zone-digest-view';
import { DigestBoardRepository } from '../persistence/digest-content-board.repository';
import { ZoneDigestRepository } from '../persistence/digest-content-zone.repository';
import { DigestTemplates } from '../templates/digest-templates';

/** Every list in a digest shows at most this many tickets, then "另有 N 项". */
export const DIGEST_LIST_CAP = 10;

/**
 * How long the shared aggregates of a week stay in memory. A weekly run composes all
 * recipients within a minute or two; the next run is a week away, and a preview asks for
 * fresh figures. Short enough that a re-run after a correction sees it soon.
 */
const SHARED_TTL_MS = 5 * 60 * 1000;

interface ScopeDigest {
  body: DigestBody;
  inlineImages: ComposedDigest['inlineImages'];
}

/**
 * What each person's weekly digest says. The province and the desks are the same for many
 * recipients: their figures (one board per week, see DigestBoardRepository) and their
 * rendered bodies are computed once per (week, scope) and kept in small in-process caches
 * with a short TTL (bounded: a few weeks × the 63 possible desk sets); concurrent callers
 * share a computation in flight. Zones are read per batch of recipients (a few indexed rows
 * each). Per recipient only the greeting and the unsubscribe link differ, and only Handlebars runs.
 */
@Injectable()
export class DigestComposer {
  private readonly boards = new TtlCache<DigestBoard>(SHARED_TTL_MS, 4);
  private readonly bodies = new TtlCache<ScopeDigest>(SHARED_TTL_MS, 128);
  private readonly problemSections = new TtlCache<SectionView>(SHARED_TTL_MS, 4);

  constructor(
    private readonly config: AppConfig,
    private readonly links: UnsubscribeLinks,
    private readonly zones: ZoneDigestRepository,
    private readonly board: DigestBoardRepository,
    private readonly templates: DigestTemplates,
    private readonly users: UserRepository,
    private readonly calendarStatus: CalendarStatusService,
    private readonly problems: ProblemStatistics,
    private readonly rankings: RankingsService,
  ) {}

  /** `fresh`: read the figures now instead of reusing the week's cached ones (previews). */
  async compose(recipient: DigestRecipient, week: IsoWeek, options: { fresh?: boolean } = {}): Promise<ComposedDigest> {
    return this.render(recipient, await this.scopeDigest(recipient, week, options.fresh ?? false));
  }

  /**
   * Several recipients' digests of one week, in order, as a run composes a batch: the zones of
   * its zone managers are read together (two statements for all of them); the other roles
   * share the week's cached figures.
   */
  async composeMany(recipients: readonly DigestRecipient[], week: IsoWeek): Promise<ComposedDigest[]> {
    const zoneIds = recipients.flatMap((r) => (r.role === 'zone_manager' && r.zoneId ? [r.zoneId] : []));
    const zones = await this.zones.loadMany(zoneIds, week, DIGEST_LIST_CAP);
    return Promise.all(
      recipients.map(async (recipient) =>
        this.render(recipient, recipient.role === 'zone_manager' ? this.zoneScope(recipient, week, zones) : await this.scopeDigest(recipient, week, false)),
      ),
    );
  }

  /** Per recipient only the greeting and the unsubscribe link differ. */
  private async render(recipient: DigestRecipient, scope: ScopeDigest): Promise<ComposedDigest> {
    const { html, text } = await this.templates.render({
      ...scope.body,
      greeting: `${recipient.name}，您好：`,
      unsubscribeUrl: this.links.urlFor(recipient.id, 'digest'),
      preferencesUrl: this.config.mailPreferencesUrl,
    });
    return { subject: scope.body.subject, html, text, inlineImages: scope.inlineImages };
  }

  /** The HTML `userId` would get for `week`, from fresh figures, images inlined; nothing is stored or sent. */
  async preview(userId: string, week: IsoWeek): Promise<string> {
    const user = await this.users.findById(userId);
    if (!user) throw new DigestRecipientNotFoundError();
    const digest = await this.compose(recipientOf(user), week, { fresh: true });
    return withInlineImagesAsDataUris(digest.html, digest.inlineImages);
  }

  /**
   * Computes what the week's digests share (the board, the province's body and chart, the
   * compiled templates), so that a run can pay for it once up front instead of in the first
   * recipients' compose time. Optional: compose does the same on first use.
   */
  async prepare(week: IsoWeek): Promise<void> {
    await Promise.all([this.provinceDigest(week, false), this.templates.prepare()]);
  }

  private async scopeDigest(recipient: DigestRecipient, week: IsoWeek, fresh: boolean): Promise<ScopeDigest> {
    const url = (id: string) => this.config.ticketUrl(id);
    switch (recipient.role) {
      case 'zone_manager':
        return this.zoneDigest(recipient, week);
      case 'desk_staff': {
        const desks = SERVICE_TYPES.filter((t) => recipient.desks.includes(t)); // one cache key per set, in catalogue order
        const build = async () => {
          const queue = mergeDeskQueues((await this.boardOf(week, fresh)).desks, desks, DIGEST_LIST_CAP);
          return { body: buildDeskDigest(queue, desks, week, url), inlineImages: [] };
        };
        return fresh ? build() : this.bodies.get(`${week.id}/desks/${desks.join(',')}`, build);
      }
      case 'coordinator':
        return this.withCalendarWarning(await this.withProblems(await this.provinceDigest(week, fresh), week, fresh));
      case 'viewer':
        return this.provinceDigest(week, fresh);
    }
  }

  /** Coordinators publish the calendar: their digest leads with a missing year (read at compose time). */
  private async withCalendarWarning(scope: ScopeDigest): Promise<ScopeDigest> {
    const warning = calendarWarningSection(await this.calendarStatus.status(), this.config.consolePageUrl('/calendar'));
    return warning ? { ...scope, body: { ...scope.body, sections: [warning, ...scope.body.sections] } } : scope;
  }

  /** Coordinators handle 问题归集: their digest adds the problems open at the week's end and those resolved in it. */
  private async withProblems(scope: ScopeDigest, week: IsoWeek, fresh: boolean): Promise<ScopeDigest> {
    const build = async () => problemsSection(await this.problems.forPeriod(week.startsAt, week.endsAt, DIGEST_LIST_CAP), DIGEST_LIST_CAP);
    const problems = fresh ? await build() : await this.problemSections.get(week.id, build);
    return { ...scope, body: { ...scope.body, sections: [...scope.body.sections, problems] } };
  }

  private provinceDigest(week: IsoWeek, fresh: boolean): Promise<ScopeDigest> {
    const build = async () => buildProvinceDigest(await this.boardOf(week, fresh), week, (id) => this.config.ticketUrl(id));
    return fresh ? build() : this.bodies.get(`${week.id}/province`, build);
  }

  private async zoneDigest(recipient: DigestRecipient, week: IsoWeek): Promise<ScopeDigest> {
    return this.zoneScope(recipient, week, await this.zones.loadMany(recipient.zoneId ? [recipient.zoneId] : [], week, DIGEST_LIST_CAP));
  }

  /** A zone manager's digest from the zones read for it. */
  private zoneScope(recipient: DigestRecipient, week: IsoWeek, zones: ReadonlyMap<string, ZoneDigestData>): ScopeDigest {
    if (!recipient.zoneId) throw new Error(`zone manager ${recipient.id} has no zone`);
    const data = zones.get(recipient.zoneId);
    if (!data) throw new Error(`zone ${recipient.zoneId} of ${recipient.id} does not exist`);
    const links = { ticket: (id: string) => this.config.ticketUrl(id), confirm: (id: string) => this.config.ticketConfirmUrl(id) };
    return { body: buildZoneDigest(data, week, links), inlineImages: [] };
  }

  private boardOf(week: IsoWeek, fresh: boolean): Promise<DigestBoard> {
    const load = async (): Promise<DigestBoard> => {
      const period = { id: week.id, label: week.id, startsAt: week.startsAt, endsAt: week.endsAt };
      const [board, league] = await Promise.all([this.board.load(week, DIGEST_LIST_CAP), this.rankings.table(period, 'zone')]);
      return { ...board, province: { ...board.province, league: league.items } };
    };
    return fresh ? load() : this.boards.get(week.id, load);
  }
}
