import { DeskNotice as DeskNotice_e344e7fb51f790e388f3406e54d24173 } from '../../../../plugins/editorial-workflow/components/DeskNotice'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { KstDateCell as KstDateCell_672ecf4115e004e338f0e19b513ddc1f } from '../../../../plugins/register-timestamps/components/KstDateCell'
import { RelatedSuggestionsField as RelatedSuggestionsField_1cc7df1f5f85b8941e7528258662226c } from '../../../../plugins/related-news/components/RelatedSuggestionsField'
import { YesNoDiff as YesNoDiff_2037ecd761c8a619e684d4d074481519 } from '../../../../plugins/ticker/components/YesNoDiff'
import { DeskFilters as DeskFilters_b1586d017c4b181a86d8485e53985a8f } from '../../../../plugins/editorial-workflow/components/DeskFilters'
import { DeskActions as DeskActions_a52324d11506900351fcab9d9e8991f1 } from '../../../../plugins/editorial-workflow/components/DeskActions'
import { PublishButton as PublishButton_0a80ea9b5141bca0dcf8bb333ef199a8 } from '../../../../collections/Articles/components/PublishButton'
import { ChannelActionsField as ChannelActionsField_fd662563c9e2e97239ded3ce534288e5 } from '../../../../plugins/distribution/components/ChannelActionsField'
import { ChannelHealthCell as ChannelHealthCell_c66198899588703fc9e0ede77779e7fe } from '../../../../plugins/distribution/components/ChannelHealthCell'
import { ChannelHealthField as ChannelHealthField_c66198899588703fc9e0ede77779e7fe } from '../../../../plugins/distribution/components/ChannelHealthCell'
import { ReplayDeliveryField as ReplayDeliveryField_ca94b836bcaafe60f2c12b54391b9490 } from '../../../../plugins/distribution/components/ReplayDeliveryField'
import { DeliveryStatusCell as DeliveryStatusCell_a8525a154a542b0a288b216a9abdb028 } from '../../../../plugins/distribution/components/DeliveryStatusCell'
import { RefreshWeather as RefreshWeather_8f6c5a073e0be6574ca4a460fd9b8159 } from '../../../../plugins/weather/components/RefreshWeather'
import { DeskDashboard as DeskDashboard_615cb32d16bd0a7feeb98bb0a988f153 } from '../../../../plugins/editorial-workflow/components/DeskDashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/../plugins/editorial-workflow/components/DeskNotice#DeskNotice": DeskNotice_e344e7fb51f790e388f3406e54d24173,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/../plugins/register-timestamps/components/KstDateCell#KstDateCell": KstDateCell_672ecf4115e004e338f0e19b513ddc1f,
  "/../plugins/related-news/components/RelatedSuggestionsField#RelatedSuggestionsField": RelatedSuggestionsField_1cc7df1f5f85b8941e7528258662226c,
  "/../plugins/ticker/components/YesNoDiff#YesNoDiff": YesNoDiff_2037ecd761c8a619e684d4d074481519,
  "/../plugins/editorial-workflow/components/DeskFilters#DeskFilters": DeskFilters_b1586d017c4b181a86d8485e53985a8f,
  "/../plugins/editorial-workflow/components/DeskActions#DeskActions": DeskActions_a52324d11506900351fcab9d9e8991f1,
  "/../collections/Articles/components/PublishButton#PublishButton": PublishButton_0a80ea9b5141bca0dcf8bb333ef199a8,
  "/../plugins/distribution/components/ChannelActionsField#ChannelActionsField": ChannelActionsField_fd662563c9e2e97239ded3ce534288e5,
  "/../plugins/distribution/components/ChannelHealthCell#ChannelHealthCell": ChannelHealthCell_c66198899588703fc9e0ede77779e7fe,
  "/../plugins/distribution/components/ChannelHealthCell#ChannelHealthField": ChannelHealthField_c66198899588703fc9e0ede77779e7fe,
  "/../plugins/distribution/components/ReplayDeliveryField#ReplayDeliveryField": ReplayDeliveryField_ca94b836bcaafe60f2c12b54391b9490,
  "/../plugins/distribution/components/DeliveryStatusCell#DeliveryStatusCell": DeliveryStatusCell_a8525a154a542b0a288b216a9abdb028,
  "/../plugins/weather/components/RefreshWeather#RefreshWeather": RefreshWeather_8f6c5a073e0be6574ca4a460fd9b8159,
  "/../plugins/editorial-workflow/components/DeskDashboard#DeskDashboard": DeskDashboard_615cb32d16bd0a7feeb98bb0a988f153,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
