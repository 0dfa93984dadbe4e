import { Controller, Get, Headers, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, scopeOf } from '@enterpark/common';
import { FileDemandListService, ReadDemandListsService } from '@enterpark/demand';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ErrorResponse } from '../errors/error-body';
import { RequestValidationException, validateAs } from '../errors/validation-errors';
import { readUpload } from '../http/multipart';
import { XLSX_TYPE, xlsxDownload } from '../xlsx/xlsx-stream';
import {
  DemandListImportPreviewResponse, ImportDemandListFields, ImportDemandListForm, ImportDemandListQuery,
} from './demand-list-import.dto';
import { demandListTemplate } from './demand-list-template';
import { demandListFromWorkbook, ImportedDemandList } from './demand-list-workbook';
import { DemandListWithTicketsResponse, toDemandListWithTickets } from './demand-lists.dto';
import { idempotencyKey } from './idempotency-key';

const FORM_FIELDS = ['title', 'period', 'zoneId'] as const;

function preview(imported: ImportedDemandList): DemandListImportPreviewResponse {
  const { request, reading } = imported;
  return {
    title: request.title,
    period: request.period ?? null,
    sheet: reading.sheet,
    items: request.items.map((item, i) => ({
      row: reading.items[i].row,
      type: item.type,
      title: item.title,
      description: item.description ?? null,
      desiredBy: item.desiredBy ?? null,
      tags: item.tags ?? [],
      contactName: item.contactName ?? null,
      contactPhone: item.contactPhone ?? null,
    })),
    ignoredColumns: reading.ignoredColumns,
  };
}

/** A zone's demand list filed from its own Excel workbook, and the template to start one from. */
@ApiTags('demand-lists')
@ApiBearerAuth()
@Controller('demand-lists')
export class DemandListImportController {
  constructor(
    private readonly fileDemandList: FileDemandListService,
    private readonly demandLists: ReadDemandListsService,
  ) {}

  @Post('import')
  @Roles('zone_manager', 'coordinator')
  @ApiOperation({
    summary: 'File a demand list from an .xlsx workbook',
    description:
      'The header row is found in the first 10 rows by its column names (synonyms accepted); title lines above it become the title unless `title` is sent. ' +
      'Any bad row refuses the whole workbook: 422 with `details: [{row, column, field, rule, message}]`. `?dryRun=true` answers what would be filed and files nothing.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportDemandListForm })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'as for POST /demand-lists: a retry of the same workbook answers the same list' })
  @ApiOkResponse({ type: DemandListImportPreviewResponse, description: 'dryRun: what would be filed' })
  @ApiCreatedResponse({ type: DemandListWithTicketsResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'rows that cannot be imported, each with its row number and column letter' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse, description: 'a file over 5 MiB' })
  async import(
    @CurrentActor() actor: Actor,
    @Query() query: ImportDemandListQuery,
    @Headers('idempotency-key') rawKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const key = idempotencyKey(rawKey);
    const upload = await readUpload(request, 'file', FORM_FIELDS);
    const fields = validateAs(ImportDemandListFields, upload.fields);
    if (fields.details.length) throw new RequestValidationException(fields.details);
    // Tenancy before the workbook: a zone manager naming a zone, or a coordinator naming none, is refused either way.
    await this.fileDemandList.zoneFor(actor, fields.value.zoneId);
    const imported = await demandListFromWorkbook(upload.file, fields.value);
    if (query.dryRun) {
      await reply.status(200).send(preview(imported));
      return;
    }
    const result = await this.fileDemandList.execute(actor, imported.request, key);
    if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
    const [list] = await this.demandLists.views(scopeOf(actor), [result.list]);
    await reply.status(201).send(toDemandListWithTickets(list, result.tickets));
  }

  @Get('template.xlsx')
  @ApiOperation({ summary: 'The demand list template: the list sheet with a drop-down of the six actions, and the instructions' })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'an .xlsx workbook', schema: { type: 'string', format: 'binary' } })
  template(): StreamableFile {
    return xlsxDownload('需求清单模板.xlsx', 'demand-list-template.xlsx', demandListTemplate());
  }
}
