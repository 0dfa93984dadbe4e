import { Body, Controller, Get, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { bulletinFileName, DOCX_TYPE, IssueBulletinService, StoredBulletin } from '@enterpark/bulletins';
import { Actor } from '@enterpark/common';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { attachment, xlsxDownload } from '../xlsx/xlsx-stream';
import { bulletinSheets } from './bulletin-workbook';
import { BulletinPageResponse, BulletinPreviewQuery, BulletinResponse, IssueBulletinRequest, IssuedBulletinResponse, toBulletinSummary } from './bulletins.dto';

const docx = (bytes: Buffer, filename: string, ascii: string) => new StreamableFile(bytes, { type: DOCX_TYPE, disposition: attachment(filename, ascii) });

/**
 * 一月一通报、一季一评比. Issued bulletins hold aggregates only, as published: every signed-in
 * role reads them. Drafts and issuing by hand are the coordinators'.
 */
@ApiTags('bulletins')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: IssueBulletinService) {}

  @Get()
  @ApiOperation({ summary: 'Issued bulletins, newest period first' })
  @ApiOkResponse({ type: BulletinPageResponse })
  async list(): Promise<BulletinPageResponse> {
    return { items: (await this.bulletins.list()).map(toBulletinSummary), nextCursor: null };
  }

  @Get('preview.docx')
  @Roles('coordinator')
  @ApiOperation({ summary: 'A draft of any month or quarter as it would read now (coordinators); nothing is stored' })
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ description: 'a .docx document', schema: { type: 'string', format: 'binary' } })
  async preview(@Query() query: BulletinPreviewQuery): Promise<StreamableFile> {
    const { content, docx: bytes } = await this.bulletins.preview(query.period);
    return docx(bytes, bulletinFileName(content, 'docx', true), `bulletin-${content.period.id}-draft.docx`);
  }

  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: 'Issue the bulletin of an ended month or quarter by hand (idempotent: a period issued already is answered as it is)' })
  @ApiOkResponse({ type: IssuedBulletinResponse })
  async issue(@CurrentActor() actor: Actor, @Body() body: IssueBulletinRequest): Promise<IssuedBulletinResponse> {
    const { bulletin, created } = (await this.bulletins.issue(body.period, actor.id))!;
    return { ...toBulletinSummary(bulletin), created };
  }

  @Get(':file')
  @ApiOperation({ summary: 'One issued bulletin: `{period}` (JSON), `{period}.docx` or `{period}.xlsx`, rendered from the frozen content' })
  @ApiOkResponse({ type: BulletinResponse })
  async read(@Param('file') file: string): Promise<BulletinResponse | StreamableFile> {
    const [, period, ext] = /^(.*?)(?:\.(docx|xlsx))?$/.exec(file)!;
    const bulletin = await this.bulletins.find(period);
    if (ext === 'docx') return docx(await this.bulletins.document(bulletin.content), bulletinFileName(bulletin.content, 'docx'), `bulletin-${bulletin.period}.docx`);
    if (ext === 'xlsx') return xlsxDownload(bulletinFileName(bulletin.content, 'xlsx'), `bulletin-${bulletin.period}.xlsx`, bulletinSheets(bulletin.content));
    return this.json(bulletin);
  }

  private json(b: StoredBulletin): BulletinResponse {
    return { ...toBulletinSummary(b), content: b.content as unknown as Record<string, unknown> };
  }
}
